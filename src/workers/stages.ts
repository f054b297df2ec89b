// Every stage of the pipeline in one module, for bench/stages.js. build.ts loads them in two parts:
// stages-render.ts first, and stages-finish.ts while the first edition compiles. A build that skips every
// edition, or hands them all to worker threads, loads neither in its main thread: never the Markdown, HTML,
// template and mail libraries (nor MJML, which render/mjml.ts loads on its own first use).
export * from './stages-render.js';
export * from './stages-finish.js';
