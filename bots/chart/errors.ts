/** Why a chart could not be rendered; the bots fall back to a text answer when they see it. */
export class ChartRenderError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'ChartRenderError';
  }
}
