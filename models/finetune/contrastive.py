"""Domain-adapts all-MiniLM-L6-v2 for search with contrastive pairs (issue #22, point 3), and exports it to ONNX.

  /usr/bin/python3 models/finetune/contrastive.py TOKENIZER_JSON BASE_ONNX OUT_DIR [epochs=1] [lr=2e-5]

Pairs (a text and the text it should sit next to), all from data/ in the repository:
  - MaintNorm's validation split: each raw sentence and its normalised form where they differ ("REP LOW ENGINE POWER
    FAULT" / "repair low engine power fault"); the test split, which bench/retrieval-eval.sh scores, is not read;
  - the app's shorthand dictionaries (src/main/resources/search/shorthand*.tsv): shorthand / expansion;
  - the MaintNet logbook: each distinct PROBLEM and its first ACTION (the records the demo searches: this adapts the
    encoder to the corpus, as unlabelled text; no query or judgment of bench/eval is read).
PAIRS=maintnorm,shorthand picks some of the three (default: all).
Loss: in-batch negatives both ways (each text against every other pair's partner in its batch of 32; cosine x 20,
cross entropy), AdamW, warm-up 10 % then linear decay, seed 7, the word-vector table frozen. Writes OUT_DIR/model.onnx
and OUT_DIR/manifest.properties (an embedding manifest for FAULTLINE_MODEL_EMBEDDING_MANIFEST). Needs Debian's
python3-torch and python3-onnx, and libopenblas0-pthread (without it torch uses the reference BLAS, 15x slower)."""
import csv
import os
import random
import subprocess
import sys
import time

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))
import minilm  # noqa: E402

tokenizer, onnx_path, out_dir = sys.argv[1:4]
epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
lr = float(sys.argv[5]) if len(sys.argv) > 5 else 2e-5
torch.set_num_threads(int(os.environ.get("THREADS", "2")))
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
os.makedirs(out_dir, exist_ok=True)


def maintnorm(path):
    pairs, raw, norm = [], [], []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 2 and parts[1] != "<id>":
            raw.append(parts[0])
            norm.append(parts[1])
        elif line.strip() == "" and raw:
            if " ".join(raw).lower() != " ".join(norm).lower():
                pairs.append((" ".join(raw), " ".join(norm)))
            raw, norm = [], []
    return pairs


def shorthand(path):
    rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8") if not l.startswith("#") and "\t" in l]
    return [(r[0], r[1]) for r in rows]


def maintnet(path):
    seen, pairs = set(), []
    with open(path, encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            problem, action = row["PROBLEM"].strip(), row["ACTION"].strip()
            if problem and action and problem not in seen:
                seen.add(problem)
                pairs.append((problem, action))
    return pairs


sources = os.environ.get("PAIRS", "maintnorm,shorthand,maintnet").split(",")  # which of the three to train on
pairs = ((maintnorm(os.path.join(root, "data/maintnorm/val.norm.txt")) if "maintnorm" in sources else [])
         + (shorthand(os.path.join(root, "src/main/resources/search/shorthand.tsv"))
            + shorthand(os.path.join(root, "src/main/resources/search/shorthand-maintnorm.tsv"))
            if "shorthand" in sources else [])
         + (maintnet(os.path.join(root, "data/maintnet/Aircraft_Annotation_DataFile.csv")) if "maintnet" in sources else []))
texts = [" ".join(t.split()) for pair in pairs for t in pair]
with open(os.path.join(out_dir, "pairs.texts"), "w", encoding="utf-8") as out:
    out.write("\n".join(texts) + "\n")
subprocess.run(["java", "-cp", os.environ.get("APP_LIB", "target/quarkus-app/lib/main/*"),
                os.path.join(os.path.dirname(__file__), "Tokenize.java"), tokenizer,
                os.path.join(out_dir, "pairs.texts"), os.path.join(out_dir, "pairs.ids")],
               check=True, stderr=subprocess.DEVNULL)
ids = [[int(x) for x in line.split()] for line in open(os.path.join(out_dir, "pairs.ids"))]
print(f"{len(pairs)} pairs", flush=True)


def batch(indexes):
    return minilm.batch(ids, indexes)


random.seed(7)
torch.manual_seed(7)
encoder = minilm.load(onnx_path)
encoder.words.weight.requires_grad_(False)
optimiser = torch.optim.AdamW([p for p in encoder.parameters() if p.requires_grad], lr=lr, weight_decay=0.01)
size = 32
steps = epochs * ((len(pairs) + size - 1) // size)
schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps))
order = list(range(len(pairs)))
started, step = time.time(), 0
for epoch in range(epochs):
    encoder.train()
    random.shuffle(order)
    for start in range(0, len(order), size):
        chunk = order[start:start + size]
        a = encoder.pooled(*batch([2 * i for i in chunk]))
        b = encoder.pooled(*batch([2 * i + 1 for i in chunk]))
        scores = a @ b.T * 20.0
        target = torch.arange(len(chunk))
        loss = (nn.functional.cross_entropy(scores, target) + nn.functional.cross_entropy(scores.T, target)) / 2
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        schedule.step()
        step += 1
        if step % 20 == 0:
            print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - started:.0f} s", flush=True)
minilm.export(encoder, os.path.join(out_dir, "model.onnx"))
with open(os.path.join(out_dir, "manifest.properties"), "w", encoding="utf-8") as out:
    out.write(f"""# all-MiniLM-L6-v2 domain-adapted by models/finetune/contrastive.py: {len(pairs)} pairs ({",".join(sources)}), {epochs} epoch(s), lr {lr},
# batch {size}, seed 7, word vectors frozen.
name=all-minilm-l6-v2-maint
version=ft-{"-".join(sources)}-{epochs}e-{lr}
task=embedding
onnx={os.path.abspath(os.path.join(out_dir, "model.onnx"))}
tokenizer={os.path.abspath(tokenizer)}
sha256=
dimensions=384
pooling=mean
normalize=true
max-tokens=256
query-prefix=
passage-prefix=
""")
print(f"wrote {out_dir}/model.onnx and manifest.properties after {time.time() - started:.0f} s")
