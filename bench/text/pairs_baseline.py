"""The lexical baseline the issue names for the duplicate decision, run in the same benchmark run:
jieba words, TF-IDF (scikit-learn) fitted on the sentences of the file scored, cosine of the two
sentences, one threshold. Two thresholds are reported: the one tuned on the scored file's own
labels (as data/README.md quotes it, an upper bound for this method) and the one tuned on
AFQMC + ChineseSTS (score >= 4), which never reads the scored file's labels.

  /usr/bin/python3 bench/text/pairs_baseline.py PAIRS_DIR
  /usr/bin/python3 bench/text/pairs_baseline.py PAIRS_DIR --outside FILE

With --outside, FILE (sentence1, sentence2, label) is scored instead of LCQMC dev, at the threshold
tuned on LCQMC dev (as data/README.md quotes the baseline) and, as an upper bound for the method,
at the one tuned on FILE's own labels.

Needs Debian's python3-jieba and python3-sklearn. Prints one line: RESULT_JSON {...}.
"""
import csv
import json
import sys

import jieba
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

jieba.setLogLevel(60)


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        return [(r["sentence1"], r["sentence2"], int(r["label"])) for r in csv.DictReader(f)]


def read_sts(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 5:
                out.append((p[1], p[3], 1 if float(p[4]) >= 4 else 0))
    return out


def cosines(pairs):
    sentences = sorted({s for a, b, _ in pairs for s in (a, b)})
    row = {s: i for i, s in enumerate(sentences)}
    vec = TfidfVectorizer(tokenizer=jieba.lcut, token_pattern=None, lowercase=False)
    X = vec.fit_transform(sentences)
    a = X[[row[p[0]] for p in pairs]]
    b = X[[row[p[1]] for p in pairs]]
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def scores(sim, gold, t):
    pred = sim >= t
    tp = int(np.sum(pred & (gold == 1)))
    fp = int(np.sum(pred & (gold == 0)))
    fn = int(np.sum(~pred & (gold == 1)))
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-12, precision + recall)
    return {"threshold": round(float(t), 2), "f1": f1, "precision": precision, "recall": recall,
            "accuracy": float(np.mean(pred == (gold == 1)))}


def best_f1(sim, gold):
    return max((scores(sim, gold, t) for t in np.arange(0.0, 1.0, 0.01)), key=lambda s: s["f1"])


def outside(d, path):
    dev = read_csv(d + "lcqmc_dev.csv")
    test = read_csv(path)
    sim = cosines(test)
    gold = np.array([p[2] for p in test])
    tuned_on_dev = best_f1(cosines(dev), np.array([p[2] for p in dev]))
    print("RESULT_JSON " + json.dumps({
        "thresholdTunedOnLcqmcDev": scores(sim, gold, tuned_on_dev["threshold"]),
        "thresholdTunedOnScoredFile": best_f1(sim, gold),
    }))


def main():
    d = sys.argv[1].rstrip("/") + "/"
    if len(sys.argv) > 3 and sys.argv[2] == "--outside":
        return outside(d, sys.argv[3])
    test = read_csv(d + "lcqmc_dev.csv")
    other = read_csv(d + "afqmc_train.csv") + read_csv(d + "afqmc_dev.csv") + read_sts(d + "chinese_sts_0to5.tsv")
    sim = cosines(test)
    gold = np.array([p[2] for p in test])
    tuned_elsewhere = best_f1(cosines(other), np.array([p[2] for p in other]))
    print("RESULT_JSON " + json.dumps({
        "thresholdTunedOnScoredFile": best_f1(sim, gold),
        "thresholdTunedOnAfqmcSts": scores(sim, gold, tuned_elsewhere["threshold"]),
    }))


if __name__ == "__main__":
    main()
