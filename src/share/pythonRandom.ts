/**
 * The playground's random streams written in Python, for the exported scripts: the same numbers
 * from the same seeds. Mirrors, step for step, src/core/syntheticData.ts (seededUniform: the
 * float64 seed hashed with MurmurHash3's finaliser into the state of d3-random's LCG),
 * d3-random's randomLcg and randomNormal (Marsaglia's polar method, which hands out the second
 * number of each pair on the next call) and d3-array's shuffler (Fisher–Yates from the end).
 * All integer arithmetic is mod 2³², as JavaScript's `| 0`, `>>>` and Math.imul do it.
 */
export const PYTHON_RANDOM = `MASK32 = 0xFFFFFFFF


def mix32(value):
    """MurmurHash3's 32-bit finaliser."""
    h = value & MASK32
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & MASK32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & MASK32
    h ^= h >> 16
    return h


def seeded_uniform(seed):
    """The playground's seeded uniform source on [0, 1): the seed's float64 bits hashed into an LCG state."""
    high, low = struct.unpack(">II", struct.pack(">d", float(seed) + 0.0))
    state = mix32(low ^ mix32(high))

    def uniform():
        nonlocal state
        state = (0x19660D * state + 0x3C6EF35F) & MASK32
        return state / 4294967296.0

    return uniform


class Normal:
    """N(mu, sigma^2) by the polar method, exactly as d3-random's randomNormal."""

    def __init__(self, uniform, mu, sigma):
        self.uniform, self.mu, self.sigma = uniform, mu, sigma
        self.x, self.r = None, None

    def __call__(self):
        if self.x is not None:
            y, self.x = self.x, None
        else:
            while True:
                x = self.uniform() * 2 - 1
                y = self.uniform() * 2 - 1
                r = x * x + y * y
                if r and r <= 1:
                    break
            self.x, self.r = x, r
        return self.mu + self.sigma * y * math.sqrt(-2 * math.log(self.r) / self.r)


def shuffle(array, uniform):
    """In place, as d3-array's shuffler."""
    m = len(array)
    while m:
        i = int(uniform() * m)
        m -= 1
        array[m], array[i] = array[i], array[m]
`;
