# Objects and floats: a tiny ray tracer with vectors as instances (operator methods), spheres in a class
# hierarchy, a camera and diffuse + specular shading with shadows and one reflection bounce.
class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y, self.z - other.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def length(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        return self.scale(1.0 / self.length())


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction.scale(t)


class Shape:
    def __init__(self, color, shine):
        self.color = color
        self.shine = shine

    def hit(self, ray):
        raise NotImplementedError

    def normal_at(self, point):
        raise NotImplementedError


class Sphere(Shape):
    def __init__(self, center, radius, color, shine):
        super().__init__(color, shine)
        self.center = center
        self.radius = radius

    def hit(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return -1.0
        root = disc ** 0.5
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        return t if t > 1e-6 else -1.0

    def normal_at(self, point):
        return (point - self.center).normalized()


class Plane(Shape):
    def __init__(self, height, color, shine):
        super().__init__(color, shine)
        self.height = height
        self.up = Vec(0.0, 1.0, 0.0)

    def hit(self, ray):
        dy = ray.direction.y
        if -1e-9 < dy < 1e-9:
            return -1.0
        t = (self.height - ray.origin.y) / dy
        return t if t > 1e-6 else -1.0

    def normal_at(self, point):
        return self.up


class Scene:
    def __init__(self):
        self.shapes = []
        self.light = Vec(-4.0, 6.0, -3.0)
        self.ambient = 0.1

    def add(self, shape):
        self.shapes.append(shape)

    def nearest(self, ray):
        best_t = 1e30
        best = None
        for shape in self.shapes:
            t = shape.hit(ray)
            if 0.0 < t < best_t:
                best_t = t
                best = shape
        return best, best_t

    def shade(self, ray, depth):
        shape, t = self.nearest(ray)
        if shape is None:
            return 0.2 + 0.3 * ray.direction.y
        point = ray.at(t)
        normal = shape.normal_at(point)
        to_light = (self.light - point).normalized()
        brightness = self.ambient
        blocker, _ = self.nearest(Ray(point, to_light))
        if blocker is None:
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                brightness += lambert * shape.color
        if depth > 0 and shape.shine > 0.0:
            d = ray.direction
            reflected = d - normal.scale(2.0 * d.dot(normal))
            brightness += shape.shine * self.shade(Ray(point, reflected), depth - 1)
        return brightness


def render(width, height):
    scene = Scene()
    scene.add(Sphere(Vec(0.0, 0.0, 5.0), 1.0, 0.8, 0.3))
    scene.add(Sphere(Vec(-2.0, 0.5, 6.0), 1.2, 0.6, 0.5))
    scene.add(Sphere(Vec(2.0, -0.3, 4.5), 0.7, 0.9, 0.0))
    scene.add(Plane(-1.0, 0.5, 0.2))
    eye = Vec(0.0, 0.5, -1.0)
    total = 0.0
    histogram = [0] * 10
    for j in range(height):
        for i in range(width):
            target = Vec((i - width / 2) / width * 2.0, (height / 2 - j) / height * 2.0, 1.0)
            ray = Ray(eye, (target - Vec(0.0, 0.0, 0.0)).normalized())
            value = scene.shade(ray, 2)
            total += value
            histogram[min(9, int(value * 10))] += 1
    return total, histogram


total, histogram = render(240, 180)
print("checksum", round(total, 6), histogram)
