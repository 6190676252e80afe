class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def kind(self):
        return "animal"


class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog, an " + super().kind()


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + f" (age {self.age})"


d = Dog("rex")
p = Puppy("bit", 1)
print(d.speak(), "|", d.kind())
print(p.speak(), "|", p.kind())
print(isinstance(p, Animal), isinstance(p, Dog), isinstance(d, Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Puppy, (int, Dog)))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__, Puppy.__base__)
print(Dog.__bases__[0].__name__)
print(isinstance(3, (str, Animal)), isinstance(d, (str, Animal)))
