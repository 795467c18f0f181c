/**
 * Reply intent → reply document: the one wording of every answer. The plain-text, Telegram and
 * Discord formatters only lay out what this returns.
 */
import { formatInteger } from '../../core/format/number.js';
import type { Reply } from '../../core/reply/reply-types.js';
import { bountiesDocument, bountyDocument } from './bounty-doc.js';
import { callDataDocument } from './calldata-doc.js';
import { coretimeDocument } from './coretime-doc.js';
import { crowdloanDocument } from './crowdloan-doc.js';
import { delegateDocument } from './delegate-doc.js';
import { baseDocument } from './doc-base.js';
import { address, type ReplyDocument, section } from './document.js';
import { errorDocument } from './error-doc.js';
import { helpDocument } from './help-doc.js';
import { missedDocument } from './missed-doc.js';
import { paraDocument } from './para-doc.js';
import { parachainsDocument } from './parachains-doc.js';
import { referendaLines, referendaTitle, tracksLines } from './referenda-doc.js';
import { referendumBody, referendumHeadline } from './referendum-doc.js';
import { settingsDocument } from './settings-doc.js';
import { spendDocument, spendsDocument } from './spend-doc.js';
import { HOW_COMPUTED, stakeSections, stakeWarnings, subjectLines } from './stake-doc.js';
import { startDocument } from './start-doc.js';
import { statusDocument } from './status-doc.js';
import { subscribedDocument, subscriptionsDocument, unsubscribedDocument } from './subscription-doc.js';
import { treasuryDocument } from './treasury-doc.js';
import { eraLines, validatorLines } from './validator-era-doc.js';
import { votesDocument } from './votes-doc.js';

/** Every reply as its document: the one wording all three formatters lay out. */
export function replyDocument(reply: Reply): ReplyDocument {
  switch (reply.type) {
    case 'stake': {
      const doc = baseDocument(reply, ['Staking of ', address(reply.view.address)], 'staking');
      const { body, sections } = stakeSections(reply);
      doc.subtitle = subjectLines(reply, reply.view.address);
      doc.sections = [section(null, body), ...sections];
      doc.warnings = stakeWarnings(reply.view);
      if (reply.view.known) doc.notes = [HOW_COMPUTED];
      return doc;
    }
    case 'validator': {
      const doc = baseDocument(reply, ['Validator ', address(reply.view.address)], 'staking');
      const { body, warnings } = validatorLines(reply);
      doc.subtitle = subjectLines(reply, reply.view.address);
      doc.sections = [section(null, body)];
      doc.warnings = warnings;
      return doc;
    }
    case 'votes':
      return votesDocument(reply);
    case 'delegate':
      return delegateDocument(reply);
    case 'era': {
      const doc = baseDocument(reply, [`Era ${formatInteger(reply.view.activeEra)}`], 'staking');
      const { body, warnings } = eraLines(reply);
      doc.sections = [section(null, body)];
      doc.warnings = warnings;
      doc.notes = [HOW_COMPUTED];
      return doc;
    }
    case 'referendum': {
      const { title, proposal } = referendumHeadline(reply);
      const doc = baseDocument(reply, title, 'governance');
      const { body, warnings } = referendumBody(reply);
      doc.sections = [section(null, [...proposal, ...body])];
      doc.warnings = warnings;
      return doc;
    }
    case 'calldata':
      return callDataDocument(reply);
    case 'referenda': {
      const doc = baseDocument(reply, [referendaTitle(reply)], 'governance');
      const { body, notes } = referendaLines(reply);
      doc.sections = [section(null, body)];
      doc.notes = notes;
      return doc;
    }
    case 'tracks': {
      const doc = baseDocument(reply, [`${reply.tracks.length} tracks`], 'governance');
      doc.sections = [section(null, tracksLines(reply))];
      return doc;
    }
    case 'treasury':
      return treasuryDocument(reply);
    case 'spends':
      return spendsDocument(reply);
    case 'spend':
      return spendDocument(reply);
    case 'bounties':
      return bountiesDocument(reply);
    case 'bounty':
      return bountyDocument(reply);
    case 'parachains':
      return parachainsDocument(reply);
    case 'para':
      return paraDocument(reply);
    case 'coretime':
      return coretimeDocument(reply);
    case 'crowdloan':
      return crowdloanDocument(reply);
    case 'subscribed':
      return subscribedDocument(reply);
    case 'unsubscribed':
      return unsubscribedDocument(reply);
    case 'subscriptions':
      return subscriptionsDocument(reply);
    case 'alert-settings':
      return settingsDocument(reply);
    case 'missed':
      return missedDocument(reply);
    case 'status':
      return statusDocument(reply);
    case 'help':
      return helpDocument(reply);
    case 'start':
      return startDocument(reply);
    case 'error':
      return errorDocument(reply);
  }
}
