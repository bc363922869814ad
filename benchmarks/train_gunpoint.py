#!/usr/bin/env python3
"""Benchmark for notebook 08: its three models on GunPoint over 10 seeds, and the shift table.

    .venv/bin/python benchmarks/train_gunpoint.py

Prints, per seed, the wall time of one training and the test accuracy of CNN1d (conv K=15,
16 filters, ReLU, global average pooling, linear; 290 parameters) and of the MLP (150-16-2,
2,450 parameters), both 1000 full-batch Adam steps at lr 0.01 -- the models and seeds 0..4
of notebook 08 section 5 -- then per model the mean ± sample std
(ddof=1), min and max accuracy and the median and max time per training: the notebook's
five-seed table plus the timings it leaves out of its checked outputs. Then the test accuracy
of the CNN, the MLP and 1-NN (Euclidean) trained on the centre crop (margin 15) and tested
on crops shifted by t = -15..15 samples.
Targets (issue 8): CNN mean accuracy >= 0.98 with < 1000 parameters, each training <= 20 s on
2 cores; the CNN beats the MLP and 1-NN at every shift t in [-10, 10].
"""
import numpy as np

from helpers.baselines import one_nn_predict, shifted_crop
from helpers.data import load_gunpoint
from helpers.train import MLP, CNN1d, accuracy, fit

EPOCHS, LR, MARGIN, SEEDS = 1000, 0.01, 15, range(5)


# name -> (model for a series length L and a seed, input transform, training steps)
MODELS = {"CNN 15x16, GAP": (lambda L, seed: CNN1d(16, 15, seed=seed), lambda X: X, EPOCHS),
          "MLP 150-16-2": (lambda L, seed: MLP(L, 16, seed=seed), lambda X: X, EPOCHS)}


def seeds_table(X_tr, y_tr, X_te, y_te, seeds=SEEDS):
    """Train every model once per seed; print per-seed rows and a summary; return the results."""
    results = {}
    for name, (make, prep, epochs) in MODELS.items():
        accs, secs = [], []
        I_tr, I_te = prep(X_tr), prep(X_te)
        print(f"\n{name}\n{'seed':>4} {'params':>6} {'seconds':>8} {'test acc %':>10}")
        for seed in seeds:
            model = make(X_tr.shape[1], seed)
            history = fit(model, I_tr, y_tr, epochs=epochs, lr=LR, progress=False,
                          record_every=epochs)
            accs.append(100 * accuracy(model, I_te, y_te))
            secs.append(history["seconds"])
            print(f"{seed:>4} {model.n_params:>6} {secs[-1]:>8.2f} {accs[-1]:>10.1f}")
        results[name] = (model.n_params, np.array(accs), np.array(secs))

    print(f"\n{'model':16} {'params':>6}  {'test accuracy % (mean ± std)':>28}  {'min':>5}  "
          f"{'max':>5}  {'s per training (median, max)':>28}")
    for name, (n, accs, secs) in results.items():
        print(f"{name:16} {n:>6}  {accs.mean():>21.1f} ± {accs.std(ddof=1):.1f}  "
              f"{accs.min():>5.1f}  {accs.max():>5.1f}  {np.median(secs):>20.2f}, {secs.max():.2f}")
    return results


def shift_table(X_tr, y_tr, X_te, y_te, seed=0):
    train = shifted_crop(X_tr, MARGIN, 0)
    cnn, mlp = CNN1d(16, 15, seed=seed), MLP(train.shape[1], 16, seed=seed)
    for model in (cnn, mlp):
        fit(model, train, y_tr, epochs=EPOCHS, lr=LR, progress=False, record_every=EPOCHS)
    print(f"\nshift t  CNN({cnn.n_params})  MLP({mlp.n_params})  1-NN")
    rows = []
    for t in range(-MARGIN, MARGIN + 1):
        test = shifted_crop(X_te, MARGIN, t)
        row = (t, accuracy(cnn, test, y_te), accuracy(mlp, test, y_te),
               float(np.mean(one_nn_predict(train, y_tr, test) == y_te)))
        rows.append(row)
        print(f"{t:>7}  {row[1]:>8.3f}  {row[2]:>8.3f}  {row[3]:>5.3f}")
    wins = all(c > max(m, n) for t, c, m, n in rows if abs(t) <= 10)
    print(f"CNN beats MLP and 1-NN at every shift t in [-10, 10]: {wins}")
    return rows


if __name__ == "__main__":
    X_tr, y_tr = load_gunpoint("train")
    X_te, y_te = load_gunpoint("test")
    seeds_table(X_tr, y_tr, X_te, y_te)
    shift_table(X_tr, y_tr, X_te, y_te)
