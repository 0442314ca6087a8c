// AWS STS's GetCallerIdentity (the AWS Query protocol: a form-encoded `POST /` with Action and Version, answered
// in XML), which a launch calls to name the account that pays in its confirmation. The emulator answers with its
// own account, as LocalStack answers STS at its one endpoint; no other STS action is emulated.
import { randomUUID } from 'node:crypto';
import type { ErrorAnswer } from './faults';

export const STS_TARGET = 'STS.GetCallerIdentity';
const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** A form-encoded body: an STS (AWS Query) request, which names its operation in the body, not in X-Amz-Target. */
export const isQueryRequest = (type: string | undefined) => !!type && /^application\/x-www-form-urlencoded\s*(;|$)/i.test(type);

const xml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export interface StsAnswer {
  status: number;
  xml: string;
}

/** An error as AWS Query services write one (a fault rule's, or an action not emulated). */
export function stsError(e: ErrorAnswer): StsAnswer {
  return {
    status: e.status,
    xml: `<ErrorResponse xmlns="${NS}"><Error><Type>${e.status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${xml(e.type)}</Code><Message>${xml(e.message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

/** The answer to a form-encoded body. */
export function stsAnswer(body: string, account: string): StsAnswer {
  const action = new URLSearchParams(body).get('Action') ?? '';
  if (action !== 'GetCallerIdentity') return stsError({ status: 400, type: 'InvalidAction', message: `Action ${action || '(none)'} is not supported by the emulator (STS: GetCallerIdentity only)` });
  return {
    status: 200,
    xml:
      `<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult>` +
      `<Arn>arn:aws:iam::${xml(account)}:user/emulator</Arn><UserId>AIDAEMULATOREXAMPLE00</UserId><Account>${xml(account)}</Account>` +
      `</GetCallerIdentityResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  };
}
