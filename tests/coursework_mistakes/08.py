"""Notebook 08: typical wrong answers to its code exercises, and right ones written
differently from the key (format: __init__.py)."""

NOTEBOOK = "08-training-a-1d-cnn"

_EX1_L_OUT = "L_out = L - K + 1                     # positions of a valid feature map"
_EX1_RETURN = "return K * C_out + C_out + L_out * C_out * n_classes + n_classes"
_EX2_MODEL = 'cnn_max = CNN1d(16, 15, pool="max", seed=SEED)'
_EX2_FIT = "fit(cnn_max, train_c, y_train, epochs=300, lr=0.01, progress=False)"
_EX2_WINDOWS = "X_10 = shifted_crop(X_test, MARGIN, 10)"
_EX2_PRED = "pred_max_shift10 = cnn_max.predict(X_10)"
_EX2_ACC = "acc_max_shift10 = accuracy(cnn_max, X_10, y_test)"
_EX2_EVAL = "\n".join([_EX2_WINDOWS, _EX2_PRED, _EX2_ACC])

# WRONG[solution grade_id] = [(right, wrong, message), ...]: each must fail its grade cell
WRONG = {
    "ex1-solution": [
        # the pooled network's count (CNN1d.n_params): no position-dependent weights
        (_EX1_RETURN, "return CNN1d(C_out, K, n_classes=n_classes).n_params",
         "every value of every feature map"),
        # every input position instead of every output position
        (_EX1_L_OUT, "L_out = L", "every value of every feature map"),
        # off by one: L - K positions
        (_EX1_L_OUT, "L_out = L - K", "every value of every feature map"),
        # the biases forgotten
        (_EX1_RETURN, "return K * C_out + L_out * C_out * n_classes",
         "is 4592, which is not right"),
    ],
    "ex2-solution": [
        (_EX2_MODEL, 'cnn_max = CNN1d(16, 15, pool="avg", seed=SEED)', "global max pooling"),
        # the unshifted test windows (t = 0)
        (_EX2_WINDOWS, "X_10 = shifted_crop(X_test, MARGIN, 0)", "shifted by t = +10"),
        # t = -10 instead of +10
        (_EX2_WINDOWS, "X_10 = shifted_crop(X_test, MARGIN, -10)", "shifted by t = +10"),
        # the TRAINING windows shifted by +10, scored against the training labels
        (_EX2_EVAL, "X_10 = shifted_crop(X_train, MARGIN, 10)\n"
                    "pred_max_shift10 = cnn_max.predict(X_10)\n"
                    "acc_max_shift10 = accuracy(cnn_max, X_10, y_train)",
         "one predicted class per TEST series"),
        # predictions on the test windows, accuracy on the training windows
        (_EX2_ACC, "acc_max_shift10 = accuracy(cnn_max, shifted_crop(X_train, MARGIN, 10), "
                   "y_train)", "the accuracy of the predictions"),
        # trained on the whole training series, not the centre windows
        (_EX2_FIT, "fit(cnn_max, X_train, y_train, epochs=300, lr=0.01, progress=False)",
         "the training split's centre windows"),
        # trained on the TEST split's centre windows
        (_EX2_FIT, "fit(cnn_max, shifted_crop(X_test, MARGIN, 0), y_test, epochs=300, lr=0.01, "
                   "progress=False)",
         "the training split's centre windows"),
        # another seed
        (_EX2_MODEL, 'cnn_max = CNN1d(16, 15, pool="max", seed=1)',
         "the training split's centre windows"),
    ],
}

# RIGHT[solution grade_id] = [(right, variant), ...]: each must pass its grade cell
RIGHT = {
    "ex1-solution": [
        (_EX1_RETURN, "return (K + 1) * C_out + (L_out * C_out + 1) * n_classes"),
        # the pooled count plus the extra read-out weights, as a numpy integer
        (_EX1_RETURN, "return np.int64(CNN1d(C_out, K, n_classes=n_classes).n_params) "
                      "+ (L_out - 1) * C_out * n_classes"),
        (_EX1_L_OUT, "L_out = len(range(K - 1, L))"),
    ],
    "ex2-solution": [
        (_EX2_MODEL, 'cnn_max = CNN1d(n_filters=16, kernel_size=15, n_classes=2, pool="max", '
                     'seed=SEED)'),
        (_EX2_PRED, "pred_max_shift10 = np.argmax(cnn_max.logits(X_10), axis=1)"),
        (_EX2_ACC, "acc_max_shift10 = float(np.mean(pred_max_shift10 == y_test))"),
        (_EX2_FIT, "fit(cnn_max, shifted_crop(X_train, MARGIN, 0), y_train, epochs=300, lr=0.01, "
                   "progress=False)"),
    ],
}
