// The identity domain's public face: what other domains may use.
export { ReporterAccessRecorder } from './application/reporter-access.recorder';
