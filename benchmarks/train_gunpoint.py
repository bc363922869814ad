#!/usr/bin/env python3
"""Benchmark for notebook 08: the CNN on GunPoint over 10 seeds, and the shift table.

    .venv/bin/python benchmarks/train_gunpoint.py

Prints, per seed, training wall time and test accuracy of CNN1d (conv K=15, 16 filters, ReLU,
global average pooling, linear; 290 parameters; 1000 full-batch Adam steps, lr 0.01), their
mean; then test accuracy of the CNN, the MLP and 1-NN (Euclidean) trained on the centre crop
(margin 15) and tested on crops shifted by -15..15 samples.
Targets (issue 8): mean accuracy >= 0.98 with < 1000 parameters, each training <= 20 s on
2 cores; the CNN beats the MLP and 1-NN at every shift in [-10, 10].
"""
import numpy as np

from helpers.baselines import one_nn_predict, shifted_crop
from helpers.data import load_gunpoint
from helpers.train import MLP, CNN1d, accuracy, fit

EPOCHS, LR, MARGIN = 1000, 0.01, 15


def seeds_table(X_tr, y_tr, X_te, y_te, seeds=range(10)):
    accs, secs = [], []
    print(f"{'seed':>4} {'params':>6} {'seconds':>8} {'test acc':>8}")
    for seed in seeds:
        model = CNN1d(16, 15, seed=seed)
        history = fit(model, X_tr, y_tr, epochs=EPOCHS, lr=LR, progress=False, record_every=EPOCHS)
        accs.append(accuracy(model, X_te, y_te))
        secs.append(history["seconds"])
        print(f"{seed:>4} {model.n_params:>6} {secs[-1]:>8.2f} {accs[-1]:>8.4f}")
    print(f"mean {'':>6} {np.mean(secs):>8.2f} {np.mean(accs):>8.4f}   "
          f"(min acc {min(accs):.4f}, max time {max(secs):.2f} s)")
    return accs, secs


def shift_table(X_tr, y_tr, X_te, y_te, seed=0):
    train = shifted_crop(X_tr, MARGIN, 0)
    cnn, mlp = CNN1d(16, 15, seed=seed), MLP(train.shape[1], 16, seed=seed)
    for model in (cnn, mlp):
        fit(model, train, y_tr, epochs=EPOCHS, lr=LR, progress=False, record_every=EPOCHS)
    print(f"\nshift  CNN({cnn.n_params})  MLP({mlp.n_params})  1-NN")
    rows = []
    for s in range(-MARGIN, MARGIN + 1):
        test = shifted_crop(X_te, MARGIN, s)
        row = (s, accuracy(cnn, test, y_te), accuracy(mlp, test, y_te),
               float(np.mean(one_nn_predict(train, y_tr, test) == y_te)))
        rows.append(row)
        print(f"{s:>5}  {row[1]:>8.3f}  {row[2]:>8.3f}  {row[3]:>5.3f}")
    wins = all(c > max(m, n) for s, c, m, n in rows if abs(s) <= 10)
    print(f"CNN beats MLP and 1-NN at every shift in [-10, 10]: {wins}")
    return rows


if __name__ == "__main__":
    X_tr, y_tr = load_gunpoint("train")
    X_te, y_te = load_gunpoint("test")
    seeds_table(X_tr, y_tr, X_te, y_te)
    shift_table(X_tr, y_tr, X_te, y_te)
