/** Local fakes for the Slack Web API, response URLs and signed inbound requests. */
export { FakeSlack, startFakeSlack, type ApiCall, type Fault, type FakeSlackOptions, type FakeUser, type ResponseUrlPost } from './web-api.js';
export { SlackRequestSender, blockActionPayload, findButton, signSlackRequest, slashCommandPayload, type Caller, type PressableButton, type SendOptions, type SlackReply } from './requests.js';
export { FakeSocketMode, type EnvelopeAck } from './socket-mode.js';
