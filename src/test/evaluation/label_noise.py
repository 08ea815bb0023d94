# Whether dropping the training titles whose label looks wrong helps the SVM the service uses (confident learning):
# 5-fold cross-validation on ClassifierEvaluation's training part, where each fold first scores its own training
# titles out of fold and drops those whose given label gets less than the threshold. The README's "Category model"
# section reports what it prints. Not part of the build; needs Debian's python3-sklearn.
#
#   python3 src/test/evaluation/label_noise.py
import os, math, warnings
warnings.filterwarnings('ignore')
import numpy as np
from sklearn.svm import LinearSVC
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.metrics import f1_score
from sklearn.pipeline import make_pipeline
from titles import read_titles, held_out_split

X, y, labels = read_titles()
train, _ = held_out_split(y, len(labels))
X, y = np.array(X)[train], y[train]

def svm(calibrated=False):
    classifier = CalibratedClassifierCV(LinearSVC(C=1), cv=3) if calibrated else LinearSVC(C=1)
    return make_pipeline(TfidfVectorizer(analyzer='char', ngram_range=(1, 2), min_df=2, sublinear_tf=True), classifier)

for threshold in [None, 0.05, 0.1, 0.2]:
    scores = []
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=7).split(X, y):
        keep = tr
        if threshold is not None:
            p = cross_val_predict(svm(calibrated=True), X[tr], y[tr], cv=5, method='predict_proba')
            keep = tr[p[np.arange(len(tr)), y[tr]] >= threshold]
        scores.append(f1_score(y[te], svm().fit(X[keep], y[keep]).predict(X[te]), average='macro'))
    print('%-40s CV macro-F1 %.4f ± %.4f' % ('all training titles' if threshold is None else
                                             'dropped below %.2f' % threshold, np.mean(scores), np.std(scores)))
