import factory
import wagtail_factories

from jindu.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "远离毒品，珍爱生命"
    slug = "home"
    intro = "<p>禁毒预防教育</p>"

    class Meta:
        model = HomePage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = "auth.User"
