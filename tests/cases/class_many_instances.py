class Particle:
    def __init__(self, i):
        self.i = i
        self.pos = [i, i * 2]
        self.tags = {"id": i}

    def energy(self):
        return self.pos[0] * self.pos[1]


class Heavy(Particle):
    def energy(self):
        return super().energy() * 2


particles = [Particle(i) if i % 3 else Heavy(i) for i in range(20000)]
print(sum([p.energy() for p in particles]) % 1000003)
kept = particles[::1000]
particles = None
print([p.i for p in kept][:5], len(kept))


def churn():
    total = 0
    for i in range(5000):
        class Temp(Particle):
            pass
        total += Temp(i).energy() % 7
    return total


print(churn())
