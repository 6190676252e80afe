class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed


class Account:
    interest = 0.5

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount, self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self._balance})"

    def __eq__(self, other):
        return isinstance(other, Account) and self.owner == other.owner

    def __hash__(self):
        return hash(self.owner)

    def __lt__(self, other):
        return self._balance < other._balance


class Savings(Account):
    interest = 2.0

    def add_interest(self):
        return self.deposit(self._balance * self.interest / 100)


accounts = [Account("ann", 50), Savings("bob", 200), Account("cy")]
accounts[2].deposit(10).deposit(5).withdraw(3)
accounts[1].add_interest()
for acct in sorted(accounts):
    print(acct, acct.balance, acct.interest, acct.history)
try:
    accounts[0].withdraw(500)
except InsufficientFunds as e:
    print("refused:", e, e.needed)
try:
    accounts[0].deposit(-1)
except ValueError as e:
    print("refused:", e)
print(len({Account("ann"), Account("ann", 5), Account("dan")}), Account("x") == Savings("x"))


class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, *values):
        self.head = None
        self.size = 0
        for v in reversed(values):
            self.push(v)

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def __len__(self):
        return self.size

    def __iter__(self):
        node = self.head
        out = []
        while node:
            out.append(node.value)
            node = node.next
        return iter(out)

    def __getitem__(self, i):
        for k, v in enumerate(self):
            if k == i:
                return v
        raise IndexError("LinkedList index out of range")

    def __contains__(self, x):
        return any([v == x for v in self])

    def __repr__(self):
        return "LinkedList(" + ", ".join([repr(v) for v in self]) + ")"

    def __add__(self, other):
        return LinkedList(*list(self), *list(other))

    def __bool__(self):
        return self.size > 0


ll = LinkedList(1, 2, 3)
ll.push(0)
print(ll, len(ll), ll[2], 3 in ll, 9 in ll, list(ll), ll + LinkedList(7))
print(bool(LinkedList()), bool(ll))
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)


class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]

    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum([a * b for a, b in zip(r, c)]) for c in cols] for r in self.rows])

    def __eq__(self, other):
        return self.rows == other.rows

    def __repr__(self):
        return f"Matrix({self.rows})"


m = Matrix([[1, 2], [3, 4]])
ident = Matrix([[1, 0], [0, 1]])
print(m @ ident, m @ m, m @ ident == m)
