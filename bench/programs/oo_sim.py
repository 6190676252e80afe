# Classes: a small task scheduler in the spirit of Richards — a hierarchy of task kinds exchanging packets
# through queues, with method calls, instance attribute reads and writes, class attributes and properties.


class Packet:
    def __init__(self, kind, owner, payload):
        self.kind = kind
        self.owner = owner
        self.payload = payload
        self.hops = 0
        self.link = None

    def append_to(self, head):
        self.link = None
        if head is None:
            return self
        node = head
        while node.link is not None:
            node = node.link
        node.link = self
        return head


class Task:
    HOLD = 1
    WAIT = 2

    def __init__(self, ident, priority, scheduler):
        self.ident = ident
        self.priority = priority
        self.scheduler = scheduler
        self.queue = None
        self.state = 0
        self.runs = 0

    @property
    def runnable(self):
        return self.state == 0 or self.state == Task.WAIT and self.queue is not None

    def take(self):
        packet = self.queue
        if packet is not None:
            self.queue = packet.link
        return packet

    def deliver(self, packet):
        self.queue = packet.append_to(self.queue)

    def step(self):
        self.runs += 1
        packet = self.take()
        if packet is not None and self.state == Task.WAIT:
            self.state = 0
        return self.run(packet)

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, ident, priority, scheduler, count):
        super().__init__(ident, priority, scheduler)
        self.seed = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_self(self)
        if self.seed & 1 == 0:
            self.seed = self.seed >> 1
            return self.scheduler.release(4)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.scheduler.release(5)


class WorkerTask(Task):
    def __init__(self, ident, priority, scheduler, max_hops):
        super().__init__(ident, priority, scheduler)
        self.destination = 4
        self.counter = 0
        self.max_hops = max_hops
        self.retired = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait_self(self)
        packet.hops += 1
        if packet.hops > self.max_hops:
            self.retired += 1
            return self.scheduler.wait_self(self)
        self.destination = 5 if self.destination == 4 else 4
        packet.owner = self.destination
        packet.kind = 1 + packet.hops % 2
        total = 0
        for i in range(4):
            self.counter = self.counter % 26 + 1
            total += self.counter * (i + 1)
        packet.payload = total
        return self.scheduler.send(packet)


class HandlerTask(Task):
    def __init__(self, ident, priority, scheduler):
        super().__init__(ident, priority, scheduler)
        self.work = None
        self.processed = 0

    def run(self, packet):
        if packet is not None:
            if packet.kind == 2:
                self.processed += packet.payload
            self.work = packet.append_to(self.work)
        if self.work is not None:
            job = self.work
            self.work = job.link
            job.owner = 6 if self.ident == 4 else 7
            return self.scheduler.send(job)
        return self.scheduler.wait_self(self)


class DeviceTask(Task):
    def __init__(self, ident, priority, scheduler):
        super().__init__(ident, priority, scheduler)
        self.pending = None
        self.output = 0

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.wait_self(self)
            done = self.pending
            self.pending = None
            done.owner = 2 + self.output % 2
            return self.scheduler.send(done)
        self.pending = packet
        self.output = (self.output * 31 + packet.payload) % 1000003
        return None


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.order = []
        self.current = None
        self.switches = 0

    def add(self, task):
        self.tasks[task.ident] = task
        self.order.append(task)
        self.order.sort(key=lambda t: -t.priority)

    def release(self, ident):
        task = self.tasks[ident]
        task.state = 0
        return task if task.priority > self.current.priority else self.current

    def hold_self(self, task):
        task.state = Task.HOLD
        return None

    def wait_self(self, task):
        task.state = Task.WAIT
        return None

    def send(self, packet):
        target = self.tasks[packet.owner]
        target.deliver(packet)
        return target if target.priority > self.current.priority else self.current

    def run(self):
        while True:
            chosen = None
            for task in self.order:
                if task.runnable:
                    chosen = task
                    break
            if chosen is None:
                return
            self.current = chosen
            while self.current is not None and self.current.runnable:
                self.switches += 1
                self.current = self.current.step()


def simulate(count, max_hops):
    s = Scheduler()
    s.add(IdleTask(1, 0, s, count))
    for ident in (2, 3):
        s.add(WorkerTask(ident, 1000 + ident, s, max_hops))
    for ident in (4, 5):
        handler = HandlerTask(ident, 2000 + ident, s)
        s.add(handler)
    for ident in (6, 7):
        s.add(DeviceTask(ident, 4000 + ident, s))
    for i in range(6):
        s.tasks[2 + i % 2].deliver(Packet(1, 2 + i % 2, 0))
    for i in range(4):
        s.tasks[4 + i % 2].deliver(Packet(1, 4 + i % 2, 0))
    s.run()
    runs = [t.runs for t in s.order]
    retired = s.tasks[2].retired + s.tasks[3].retired
    return s.switches, runs, retired, s.tasks[4].processed + s.tasks[5].processed, s.tasks[6].output, s.tasks[7].output


print("checksum", *simulate(40000, 4000))
