from django.apps import AppConfig


class SkillsConfig(AppConfig):
    name = "everydoor.skills"
    label = "skills"
    verbose_name = "Digital skills lessons"
