"""Fine-tunes all-MiniLM-L6-v2 on labelled texts, once per cross-validation fold, never on the scored fold.

  /usr/bin/python3 models/finetune/cv.py DIR/NAME.folds.tsv TOKENIZER_JSON ONNX [epochs] [lr]

NAME.folds.tsv is written by bench/ClassifyEval.java (FOLDS_DIR=DIR): text, label, fold. For each fold F the encoder
is fine-tuned on the other folds (mean-pooled, normalised sentence vector -> linear layer over the labels, cross
entropy, AdamW; seed 7) and every row is embedded with it into NAME.vec-F, which ClassifyEval then scores with the
app's own head. The script also prints the fine-tuned softmax layer's own accuracy per fold.
Token ids come from the app's tokenizer (Tokenize.java), so training sees what the app will feed the model.
Needs Debian's python3-torch, python3-onnx and libopenblas0-pthread (models/finetune/README.md)."""
import os
import random
import subprocess
import sys
import time

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))
import minilm  # noqa: E402

folds_file, tokenizer, onnx_path = sys.argv[1:4]
epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 8
lr = float(sys.argv[5]) if len(sys.argv) > 5 else 5e-5
torch.set_num_threads(int(os.environ.get("THREADS", "2")))

rows = [line.rstrip("\n").split("\t") for line in open(folds_file, encoding="utf-8")]
texts, labels, folds = [r[0] for r in rows], [r[1] for r in rows], [int(r[2]) for r in rows]
base = folds_file[: -len(".folds.tsv")]
with open(base + ".texts", "w", encoding="utf-8") as out:
    out.write("\n".join(texts) + "\n")
here = os.path.dirname(os.path.abspath(__file__))
subprocess.run(["java", "-cp", os.environ.get("APP_LIB", "target/quarkus-app/lib/main/*"),
                os.path.join(here, "Tokenize.java"), tokenizer, base + ".texts", base + ".ids"],
               check=True, stderr=subprocess.DEVNULL)
ids = [[int(x) for x in line.split()] for line in open(base + ".ids")]
names = sorted(set(labels))
target = torch.tensor([names.index(l) for l in labels])


def batch(indexes):
    return minilm.batch(ids, indexes)


def embed(model, indexes):
    model.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(indexes), 64):
            x, mask = batch(indexes[start:start + 64])
            out.append(model.pooled(x, mask))
    return torch.cat(out)


right = 0
for f in range(5):
    started = time.time()
    random.seed(7)
    torch.manual_seed(7)
    encoder = minilm.load(onnx_path)
    head = nn.Linear(minilm.HIDDEN, len(names))
    scale = 20.0  # the normalised vector's cosine scale, as in sentence-transformers' softmax losses
    train = [i for i in range(len(rows)) if folds[i] != f]
    test = [i for i in range(len(rows)) if folds[i] == f]
    encoder.words.weight.requires_grad_(False)  # the vocabulary's vectors stay as shipped (few words are seen here)
    params = [p for p in encoder.parameters() if p.requires_grad] + list(head.parameters())
    optimiser = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps = epochs * ((len(train) + 15) // 16)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps))
    for epoch in range(epochs):
        encoder.train()
        random.shuffle(train)
        for start in range(0, len(train), 16):
            chunk = train[start:start + 16]
            x, mask = batch(chunk)
            logits = head(encoder.pooled(x, mask) * scale)
            loss = nn.functional.cross_entropy(logits, target[chunk])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
    vectors = embed(encoder, list(range(len(rows))))
    with torch.no_grad():
        predicted = head(vectors[test] * scale).argmax(1)
    fold_right = int((predicted == target[test]).sum())
    right += fold_right
    with open(f"{base}.vec-{f}", "w") as out:
        for v in vectors.tolist():
            out.write(" ".join(f"{x:.6f}" for x in v) + "\n")
    print(f"fold {f}: {len(train)} trained, softmax layer {fold_right}/{len(test)} right, {time.time() - started:.0f} s",
          flush=True)
print(f"fine-tuned softmax layer, 5-fold accuracy (micro-F1): {right / len(rows):.3f}")
