from django.contrib import admin
from django.db import models

from secretaria.directory.models import Country, Group, Membership, Organization, Person, Post, PresidencyTerm, Term


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name_es", "name_en", "iso2", "iso3", "status", "member_since"]
    list_filter = ["status"]
    search_fields = ["name_es", "name_en", "iso2", "iso3"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name_es", "acronym_es", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name_es", "name_en", "acronym_es", "acronym_en"]
    autocomplete_fields = ["country"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["family_name", "given_name", "organization", "country", "is_public"]
    list_filter = ["is_public", "country", "organization__kind"]
    search_fields = ["given_name", "family_name", "email"]
    autocomplete_fields = ["organization", "country"]


class TermInline(admin.TabularInline):
    model = Term
    extra = 0
    autocomplete_fields = ["person"]
    ordering = ["-start"]
    # History is kept: a term is ended, not deleted.
    can_delete = False


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title_es", "organization", "country", "group", "is_public", "is_focal_point"]
    list_filter = ["is_public", "is_focal_point", "organization__kind", "country"]
    search_fields = ["title_es", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["organization", "country", "group"]
    inlines = [TermInline]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["post", "person", "start", "end"]
    list_filter = ["post__organization"]
    search_fields = ["post__title_es", "post__title_en", "person__given_name", "person__family_name"]
    date_hierarchy = "start"
    autocomplete_fields = ["post", "person"]

    def has_delete_permission(self, request, obj=None):
        return False


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person", "country"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name_es", "acronym_es", "kind", "access_level", "is_active"]
    list_filter = ["kind", "access_level", "is_active"]
    search_fields = ["name_es", "name_en", "acronym_es", "acronym_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "group", "country", "role", "start", "end"]
    list_filter = ["group", "role", "country"]
    search_fields = ["person__given_name", "person__family_name", "group__name_es"]
    autocomplete_fields = ["person", "group", "country"]


@admin.register(PresidencyTerm)
class PresidencyTermAdmin(admin.ModelAdmin):
    list_display = ["country", "start", "end", "note"]
    list_filter = ["country"]
    date_hierarchy = "start"
    autocomplete_fields = ["country"]

    def has_delete_permission(self, request, obj=None):
        return False
