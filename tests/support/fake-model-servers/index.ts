export { startFakeOpenAiServer, openAiError } from './fake-openai-server.js';
export type {
  FakeOpenAiServer,
  FakeOpenAiServerOptions,
  OpenAiChatRequestBody,
  OpenAiEmbeddingsRequestBody,
} from './fake-openai-server.js';
export { startFakeOllamaServer, ollamaError } from './fake-ollama-server.js';
export type {
  FakeOllamaServer,
  FakeOllamaServerOptions,
  OllamaChatRequestBody,
  OllamaEmbedRequestBody,
} from './fake-ollama-server.js';
export type { FakeHttpResponse, RecordedRequest, StreamFault } from './fake-http-server.js';
export type { FakeFaultyStream, FakeReply } from './fake-model-server.js';
export { fakeVector } from './fake-vectors.js';
export { markerOf } from './prompt-marker.js';
