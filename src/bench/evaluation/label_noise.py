# How noisy the titles' labels are. First, how often near-duplicate titles (all 7,052) disagree on their label. Then
# whether dropping the training titles whose label looks wrong helps the SVM the service uses (confident learning):
# 5-fold cross-validation on ClassifierEvaluation's training part, where each fold first scores its own training
# titles out of fold and drops those whose given label gets less than the threshold. The README's "Category model"
# section reports what it prints. Not part of the build; needs Debian's python3-sklearn.
#
#   python3 src/bench/evaluation/label_noise.py
import re, warnings
warnings.filterwarnings('ignore')
import numpy as np
from sklearn.svm import LinearSVC
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.metrics import f1_score
from sklearn.pipeline import make_pipeline
from titles import read_titles, held_out_split

X, y, labels = read_titles()

# near-duplicates by the Jaccard similarity of their character pairs, place codes such as A市 or K7县 left out
pairs = CountVectorizer(analyzer='char', ngram_range=(2, 2), binary=True).fit_transform(
    [re.sub(r'[A-Z]\d*[市区县]', '', title) for title in X]).astype(np.float32)
sizes = np.asarray(pairs.sum(1)).ravel()
shared = (pairs @ pairs.T).tocoo()
upper = shared.row < shared.col
a, b, common = shared.row[upper], shared.col[upper], shared.data[upper]
similarity = common / (sizes[a] + sizes[b] - common)
for threshold in [0.6, 0.8]:
    near = similarity >= threshold
    print('title pairs sharing %d %% or more of their character pairs: %d, with different labels: %d'
          % (100 * threshold, near.sum(), (y[a[near]] != y[b[near]]).sum()))

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
