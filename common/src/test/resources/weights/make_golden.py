#!/usr/bin/env python3
# Regenerates golden_numpy.npz, the fixture of NumpyGoldenTest: a state-dict-like archive written
# by real numpy's np.savez (stored zip entries, .npy format 1.0), to prove NpzReader reads what
# numpy writes. Values are exact functions of the index, so the test recomputes them in Java and
# compares exactly (tolerance 0: every value is representable in float32).
# Made with numpy 2.4.6 (Debian: apt-get install python3-numpy also works); run from this folder:
#   python3 make_golden.py
import numpy as np

arrays = {
    "features.0.conv.weight": (np.arange(2 * 3 * 3 * 3, dtype=np.float32) / 8 - 3).reshape(2, 3, 3, 3),
    "features.0.bn.running_var": np.array([0.5, 2.0], dtype=np.float64),
    "features.0.bn.num_batches_tracked": np.array(1234, dtype=np.int64),
    "classifier.weight": np.arange(-6, 6, dtype=np.float16).reshape(3, 4) / 4,
    "classifier.bias": np.array([1, -1, 7], dtype=np.int32),
}
np.savez("golden_numpy.npz", **arrays)
