/**
 * What the cost model bills from. Every input is a number with where it came from: a benchmark's
 * measurement (the file and key), the deployed configuration (`infra/`), the chain's constants, or
 * an assumption about usage that no benchmark can measure (named as such, and printed).
 */
export interface Figure {
  value: number;
  /** `measured: <bench>.json <key>`, `infra: <file> <name>`, `chain: …` or `assumed: why`. */
  source: string;
}

export interface CostInputs {
  /** Deployment. */
  snapshotEveryMinutes: Figure;
  alertCheckEveryMinutes: Figure;
  snapshotMemoryMb: Figure;
  detectorMemoryMb: Figure;
  dispatcherMemoryMb: Figure;
  botMemoryMb: Figure;
  /** CloudWatch alarm metrics (what alarms are billed on). */
  alarmMetrics: Figure;
  /** SQS queues a Lambda event source long-polls while idle. */
  polledQueues: Figure;
  /** Chain: hours per era (an era change a run writes era data). */
  eraHours: Figure;
  /** Store: how long a written item lives before it expires (superseded items are stored until then). */
  itemLifetimeDays: Figure;
  /** Alert delivery records live this long (their TTL). */
  alertRecordDays: Figure;

  /** Snapshot runs, measured. A steady run is the common one; an era change every `eraHours`. */
  steadyRunMs: Figure;
  steadyWriteUnits: Figure;
  steadyReadUnits: Figure;
  eraChangeRunMs: Figure;
  eraChangeWriteUnits: Figure;
  eraChangeReadUnits: Figure;
  /** A run in a cold container (Lambda's first run): what it adds over a steady run. */
  coldStartRunMs: Figure;
  coldStartReadUnits: Figure;
  coldStartWriteUnits: Figure;
  /** Write units of refreshing every unchanged entity once (it happens once per half lifetime). */
  refreshWriteUnits: Figure;
  /** The table's billed size after the measured runs (items plus 100 bytes each). */
  storedBytes: Figure;
  /** Log bytes one snapshot run writes (its lines plus Lambda's START/END/REPORT). */
  snapshotLogBytes: Figure;

  /**
   * Alerts, measured. A detector run with nothing new to send still reads every deadline
   * subscriber's record (their lead times): its time and reads grow with the subscribers, fitted
   * as a line through the benchmark's runs at two subscriber counts.
   */
  detectorRunMs: Figure;
  detectorMsPerSubscriber: Figure;
  detectorReadUnits: Figure;
  detectorReadUnitsPerSubscriber: Figure;
  detectorWriteUnits: Figure;
  dispatchMsPerMessage: Figure;
  dispatchReadUnitsPerMessage: Figure;
  dispatchWriteUnitsPerMessage: Figure;
  sqsRequestsPerMessage: Figure;

  /** Commands, measured (mean over the benchmark's command mix). */
  commandMs: Figure;
  commandReadUnits: Figure;

  /** Usage, assumed. */
  commandsPerSubscriberMonth: Figure;
  alertsPerSubscriberMonth: Figure;
  coldStartsPerDay: Figure;
  /** ReceiveMessage calls Lambda's pollers make on one idle queue in a month. */
  idlePollsPerQueueMonth: Figure;
  /** Log bytes per alert or command invocation. */
  otherLogBytesPerInvocation: Figure;
}

export const figure = (value: number, source: string): Figure => ({ value, source });
