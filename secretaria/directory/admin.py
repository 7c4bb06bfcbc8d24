from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models, transaction

from secretaria.core.admin import ManagedByRule
from secretaria.core.audit import audit_record
from secretaria.directory import changes, services
from secretaria.directory.models import Country, Group, Membership, Organization, Person, Post, PresidencyTerm, Term


def _audit(request, action: str, obj, fields=()) -> None:
    audit_record(
        kind=f"directory.admin_{action}",
        request=request,
        target=f"{obj._meta.label_lower}:{obj.pk} {obj}",
        fields=", ".join(fields),
    )


class DirectoryAdmin(ManagedByRule):
    """The directory in the admin site: the Secretariat may edit it (``directory.manage``), and
    every change made here is in the audit log (the services audit their own changes)."""

    manage_rule = "directory.manage"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        _audit(request, "change" if change else "add", obj, form.changed_data)
        changes.changed(obj)

    def delete_model(self, request, obj):
        _audit(request, "delete", obj)
        model, pk = type(obj), obj.pk
        super().delete_model(request, obj)
        changes.deleted(model, pk)

    def delete_queryset(self, request, queryset):
        gone = []
        for obj in queryset:
            _audit(request, "delete", obj)
            gone.append((type(obj), obj.pk))
        super().delete_queryset(request, queryset)
        for model, pk in gone:
            changes.deleted(model, pk)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            _audit(request, "add", obj)
            changes.changed(obj)
        for obj, fields in formset.changed_objects:
            _audit(request, "change", obj, fields)
            changes.changed(obj)
        for obj in formset.deleted_objects:
            _audit(request, "delete", obj)
            if getattr(obj, "person_id", None):  # a term removed: its holder's posts changed
                changes.changed(obj.person)


@admin.register(Country)
class CountryAdmin(DirectoryAdmin, admin.ModelAdmin):
    list_display = ["name_es", "name_en", "iso2", "iso3", "status", "member_since"]
    list_filter = ["status"]
    search_fields = ["name_es", "name_en", "iso2", "iso3"]


@admin.register(Organization)
class OrganizationAdmin(DirectoryAdmin, admin.ModelAdmin):
    list_display = ["name_es", "acronym_es", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name_es", "name_en", "acronym_es", "acronym_en"]
    autocomplete_fields = ["country"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Person)
class PersonAdmin(DirectoryAdmin, admin.ModelAdmin):
    list_display = ["family_name", "given_name", "organization", "country", "is_public"]
    list_filter = ["is_public", "country", "organization__kind"]
    search_fields = ["given_name", "family_name", "email"]
    autocomplete_fields = ["organization", "country"]


class TermInline(ManagedByRule, admin.TabularInline):
    manage_rule = "directory.manage"

    model = Term
    extra = 0
    autocomplete_fields = ["person"]
    ordering = ["-start"]
    # History is kept: a term is ended, not deleted. New holders are appointed from the
    # Term admin, which goes through services.term_start (ends the predecessor, refuses overlaps).
    can_delete = False
    fields = ["person", "start", "end", "note"]
    readonly_fields = ["person", "start"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Post)
class PostAdmin(DirectoryAdmin, admin.ModelAdmin):
    list_display = ["title_es", "organization", "country", "group", "is_public", "is_focal_point"]
    list_filter = ["is_public", "is_focal_point", "organization__kind", "country"]
    search_fields = ["title_es", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["organization", "country", "group"]
    inlines = [TermInline]


class _ServiceBackedAddForm(forms.ModelForm):
    """Runs the service in a rolled-back savepoint so its refusals show as form errors."""

    def _service_call(self, data):
        raise NotImplementedError

    def clean(self):
        data = super().clean()
        if self.instance.pk is None and not self.errors:
            try:
                with transaction.atomic():
                    self._service_call(data)
                    transaction.set_rollback(True)
            except ValidationError as exc:
                raise forms.ValidationError(exc.messages) from None
        return data


class TermAddForm(_ServiceBackedAddForm):
    class Meta:
        model = Term
        fields = ["post", "person", "start", "end", "note"]

    def _service_call(self, data):
        return services.term_start(
            post=data["post"],
            person=data["person"],
            start=data["start"],
            end=data.get("end"),
            note=data.get("note", ""),
        )


class MembershipAddForm(_ServiceBackedAddForm):
    class Meta:
        model = Membership
        fields = ["person", "group", "country", "role", "start", "end"]

    def _service_call(self, data):
        return services.membership_add(
            group=data["group"], person=data["person"], role=data["role"], country=data.get("country"),
            start=data.get("start"),
        )  # fmt: skip


class PresidencyAddForm(_ServiceBackedAddForm):
    class Meta:
        model = PresidencyTerm
        fields = ["country", "start", "note"]

    def _service_call(self, data):
        return services.presidency_designate(country=data["country"], start=data["start"], note=data.get("note", ""))


@admin.register(Term)
class TermAdmin(DirectoryAdmin, admin.ModelAdmin):
    add_form = TermAddForm

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        form.instance = services.term_start(
            post=obj.post, person=obj.person, start=obj.start, end=obj.end, note=obj.note, by=request.user
        )
        obj.pk = form.instance.pk

    list_display = ["post", "person", "start", "end"]
    list_filter = ["post__organization"]
    search_fields = ["post__title_es", "post__title_en", "person__given_name", "person__family_name"]
    date_hierarchy = "start"
    autocomplete_fields = ["post", "person"]

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        # Who held which post from when is history: a new holder is a new term (term_start).
        return ["post", "person", "start"] if obj else []


class MembershipInline(ManagedByRule, admin.TabularInline):
    """Memberships end (an end date); they are not deleted, so the group's history stays."""

    manage_rule = "directory.manage"

    model = Membership
    extra = 0
    autocomplete_fields = ["person", "country"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Group)
class GroupAdmin(DirectoryAdmin, admin.ModelAdmin):
    list_display = ["name_es", "acronym_es", "kind", "access_level", "is_active"]
    list_filter = ["kind", "access_level", "is_active"]
    search_fields = ["name_es", "name_en", "acronym_es", "acronym_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(DirectoryAdmin, admin.ModelAdmin):
    list_display = ["person", "group", "country", "role", "start", "end"]
    list_filter = ["group", "role", "country"]
    search_fields = ["person__given_name", "person__family_name", "group__name_es"]
    autocomplete_fields = ["person", "group", "country"]

    def has_delete_permission(self, request, obj=None):
        return False  # end the membership instead: the group's history stays

    add_form = MembershipAddForm

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)  # audited by DirectoryAdmin
        form.instance = services.membership_add(
            group=obj.group, person=obj.person, role=obj.role, country=obj.country, start=obj.start, by=request.user
        )
        if obj.end:
            services.membership_end(membership=form.instance, end=obj.end, by=request.user)
        obj.pk = form.instance.pk


@admin.register(PresidencyTerm)
class PresidencyTermAdmin(DirectoryAdmin, admin.ModelAdmin):
    add_form = PresidencyAddForm

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        form.instance = services.presidency_designate(
            country=obj.country, start=obj.start, note=obj.note, by=request.user
        )
        obj.pk = form.instance.pk

    list_display = ["country", "start", "end", "note"]
    list_filter = ["country"]
    date_hierarchy = "start"
    autocomplete_fields = ["country"]

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        # The next presidency is a new term (presidency_designate), never an edit of this one.
        return ["country", "start"] if obj else []
