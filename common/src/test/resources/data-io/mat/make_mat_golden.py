#!/usr/bin/python3
# Regenerates the MAT-file fixtures of MatFileTest and ImageFolderReaderTest with real scipy
# (scipy.io.savemat writes level-5 MAT-files as MATLAB -v6/-v7 does). Values are exact (tolerance 0).
#   golden_plain.mat, golden_compressed.mat: one variable of each kind the reader handles.
#   flowers/imagelabels.mat, flowers/setid.mat: Flowers-102's split files for 6 images of 2 classes.
#   dogs/train_list.mat, dogs/test_list.mat: Stanford Dogs' list files for 6 images of 2 classes.
# Made with Debian 12's python3-scipy 1.10.1 and python3-numpy 1.24.2; run from this folder:
#   /usr/bin/python3 make_mat_golden.py
import os
import numpy as np
from scipy.io import savemat

variables = {
    "labels": np.array([[1, 2, 102]], dtype=np.uint8),
    "ids": np.array([[1, 300, 65535]], dtype=np.uint16),
    "matrix": np.array([[1.5, -2.0, 3.0], [4.0, 5.0, 6.25]]),
    "big": np.array([[-7, 2**40]], dtype=np.int64),
    "name": "Chihuahua",
    "files": np.array([["a/b.jpg"], ["c/d.jpg"]], dtype=object),
    "nested": {"x": 1},  # a struct: the reader leaves it out
}
savemat("golden_plain.mat", variables, do_compression=False)
savemat("golden_compressed.mat", variables, do_compression=True)

os.makedirs("flowers", exist_ok=True)
savemat("flowers/imagelabels.mat", {"labels": np.array([[1, 2, 1, 2, 1, 2]], dtype=np.uint8)},
        do_compression=True)
savemat("flowers/setid.mat", {"trnid": np.array([[1, 2]], dtype=np.uint16),
                              "valid": np.array([[3, 4]], dtype=np.uint16),
                              "tstid": np.array([[6, 5]], dtype=np.uint16)}, do_compression=True)

os.makedirs("dogs", exist_ok=True)
def dogs(files, labels):
    cells = np.empty((len(files), 1), dtype=object)
    for i, f in enumerate(files):
        cells[i, 0] = np.array([f])
    annotations = np.empty((len(files), 1), dtype=object)
    for i, f in enumerate(files):
        annotations[i, 0] = np.array([f[:-4]])
    return {"file_list": cells, "annotation_list": annotations,
            "labels": np.array(labels, dtype=np.float64).reshape(-1, 1)}
c, j = "n02085620-Chihuahua", "n02085782-Japanese_spaniel"
savemat("dogs/train_list.mat", dogs([c + "/c_1.jpg", c + "/c_2.jpg", j + "/j_1.jpg", j + "/j_2.jpg"], [1, 1, 2, 2]),
        do_compression=True)
savemat("dogs/test_list.mat", dogs([j + "/j_3.jpg", c + "/c_3.jpg"], [2, 1]), do_compression=True)
