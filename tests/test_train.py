"""The tiny models: gradients agree with numerical ones, a short fit lowers the loss, seeds."""
import numpy as np
import pytest

from helpers.baselines import one_nn_predict, shifted_crop
from helpers.gradcheck import numerical_gradient, rel_error
from helpers.train import MLP, CNN1d, accuracy, fit
from oracles import one_nn_predict_naive


def toy_data(seed=0, N=12, L=20):
    """Two classes: a bump early or late in the series, plus noise."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, N)
    X = 0.1 * rng.standard_normal((N, L))
    for n in range(N):
        start = 3 if y[n] == 0 else 12
        X[n, start:start + 4] += 1.0
    return X, y


@pytest.mark.parametrize("make", [lambda: CNN1d(3, 5, pool="avg", seed=1),
                                  lambda: CNN1d(3, 5, pool="max", padding="same", seed=2),
                                  lambda: MLP(20, 4, seed=3)])
def test_gradients_match_numerical_gradients(make):
    model = make()
    X, y = toy_data()
    grads = model.loss_and_grads(X, y)[1]
    for name, p in model.params.items():
        num = numerical_gradient(lambda _: model.loss_and_grads(X, y)[0], p)
        # normwise: a nearly dead ReLU unit has entries ~1e-7 whose element-wise relative
        # error is all finite-difference noise
        assert np.linalg.norm(grads[name] - num) / np.linalg.norm(grads[name] + num) < 1e-7, name
        assert rel_error(grads[name], num) < 1e-3, name


@pytest.mark.parametrize("make", [lambda: CNN1d(4, 5, seed=0), lambda: MLP(20, 8, seed=0)])
def test_a_short_fit_lowers_the_loss_and_learns_the_toy_task(make):
    model = make()
    X, y = toy_data()
    before = model.loss_and_grads(X, y)[0]
    history = fit(model, X, y, epochs=150, lr=0.03, progress=False, record_every=50)
    assert history["loss"][-1] < 0.5 * before
    assert accuracy(model, X, y) == 1.0
    assert history["epoch"] == [0, 50, 100, 150]
    assert history["loss"][0] == pytest.approx(before)


def test_training_is_deterministic_for_a_seed():
    X, y = toy_data()
    runs = [fit(CNN1d(3, 5, seed=7), X, y, epochs=20, progress=False)["loss"] for _ in range(2)]
    assert runs[0] == runs[1]
    other = fit(CNN1d(3, 5, seed=8), X, y, epochs=20, progress=False)["loss"]
    assert other != runs[0]


def test_parameter_count_does_not_depend_on_length():
    cnn = CNN1d(16, 15)
    assert cnn.n_params == 15 * 16 + 16 + 16 * 2 + 2 == 290
    assert cnn.logits(np.zeros((3, 150))).shape == cnn.logits(np.zeros((3, 40))).shape == (3, 2)


def test_bad_arguments():
    with pytest.raises(ValueError, match="pool must be 'avg' or 'max'; got 'mean'"):
        CNN1d(pool="mean")
    with pytest.raises(ValueError, match=r"X must be a 2-D array of shape \(N, L\)"):
        CNN1d().logits(np.zeros((2, 150, 1)))


def test_one_nn_matches_its_loop_twin_and_shifted_crop_moves_the_window():
    rng = np.random.default_rng(0)
    A, y, B = rng.standard_normal((9, 7)), rng.integers(0, 3, 9), rng.standard_normal((5, 7))
    np.testing.assert_array_equal(one_nn_predict(A, y, B), one_nn_predict_naive(A, y, B))
    X = np.arange(10.0)[None, :]
    np.testing.assert_array_equal(shifted_crop(X, 2, 0), [[2, 3, 4, 5, 6, 7]])
    np.testing.assert_array_equal(shifted_crop(X, 2, -2), [[0, 1, 2, 3, 4, 5]])
    with pytest.raises(ValueError, match=r"shift must be an integer in \[-2, 2\]; got 3"):
        shifted_crop(X, 2, 3)
