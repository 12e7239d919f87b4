// transformers.js 3 (what AnythingLLM ships as its native embedder) on the same ONNX file and tokenizer.
// Run by bench/embedding-benchmark.sh: node transformers-js.mjs MODEL_DIR TEXTS_FILE
import { readFileSync } from "node:fs";
import { pipeline, env } from "@huggingface/transformers";

const [modelDir, textsFile] = process.argv.slice(2);
env.allowRemoteModels = false;
env.localModelPath = modelDir;
const texts = readFileSync(textsFile, "utf8").split("\n").filter((t) => t);
const extractor = await pipeline("feature-extraction", "all-minilm-l6-v2", { dtype: "fp32" });
async function run(list) {
  for (let i = 0; i < list.length; i += 32) {
    await extractor(list.slice(i, i + 32), { pooling: "mean", normalize: true });
  }
}
await run(texts.slice(0, 200)); // warm-up
const start = performance.now();
await run(texts);
const seconds = (performance.now() - start) / 1000;
console.log(`transformers.js ${JSON.parse(readFileSync(new URL("./node_modules/@huggingface/transformers/package.json", import.meta.url))).version}: ${texts.length} texts in ${seconds.toFixed(2)} s = ${(texts.length / seconds).toFixed(0)} texts/s`);
