# The citizen message titles and ClassifierEvaluation's split of them, for the evaluation scripts beside this file.
import math, os
import numpy as np

TITLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../../shared/datasets/citizen-messages/titles-train.tsv')


def read_titles():
    """The titles, their label indexes and the sorted labels, read as ClassifierEvaluation reads them."""
    rows = [line.split('\t') for line in open(TITLES, encoding='utf-8').read().splitlines()[1:]]
    rows = [[c.strip() for c in r] for r in rows if len(r) == 2 and r[0].strip() and r[1].strip()]
    labels = sorted(set(r[1] for r in rows))
    return [r[0] for r in rows], np.array([labels.index(r[1]) for r in rows]), labels


class JavaRandom:
    """java.util.Random, so that the split is the one StratifiedSplit.holdOut makes."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next31(self):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        return self.seed >> 17

    def next_int(self, bound):
        u = self.next31(); m = bound - 1
        if bound & m == 0:
            return (bound * u) >> 31
        r = u % bound
        while u - r + m >= 1 << 31:  # where Java's int arithmetic overflows, it draws again
            u = self.next31(); r = u % bound
        return r


def held_out_split(y, label_count, share=0.2, seed=12345):
    """ClassifierEvaluation's training part and held-out fifth, as indexes."""
    random = JavaRandom(seed); train, test = [], []
    for label in range(label_count):  # sorted, as Java's TreeMap keeps them
        group = [i for i in range(len(y)) if y[i] == label]
        for i in range(len(group), 1, -1):  # Collections.shuffle
            j = random.next_int(i); group[i - 1], group[j] = group[j], group[i - 1]
        held = math.floor(len(group) * share + 0.5)  # Math.round
        test += group[:held]; train += group[held:]
    return np.array(train), np.array(test)
