from django.apps import AppConfig


class CourseConfig(AppConfig):
    name = "everydoor.course"
    label = "course"
    verbose_name = "Guided self-help course"

    def ready(self):
        from .mood import connect_screenings

        connect_screenings()
