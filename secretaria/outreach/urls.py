from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.outreach.views import engagements, inquiries

app_name = "outreach"
urlpatterns = [
    path("", engagements.index, name="index"),
    path(_("export.<str:fmt>"), engagements.export, name="export"),
    path(_("new/"), engagements.create, name="create"),
    path("<int:pk>/", engagements.detail, name="detail"),
    path(_("<int:pk>/edit/"), engagements.edit, name="edit"),
    path(_("<int:pk>/decide/"), engagements.decide, name="decide"),
    path(_("<int:pk>/close/"), engagements.close, name="close"),
    path(_("<int:pk>/deliverables/"), engagements.deliverable_add, name="deliverable_add"),
    path(_("<int:pk>/follow-ups/"), engagements.follow_up_add, name="follow_up_add"),
    path(_("<int:pk>/costs/"), engagements.cost_add, name="cost_add"),
    path(_("material/new/"), engagements.material_edit, name="material_new"),
    path(_("material/<int:pk>/"), engagements.material, name="material"),
    path(_("material/<int:pk>/edit/"), engagements.material_edit, name="material_edit"),
    path(_("material/<int:pk>/advance/"), engagements.material_advance, name="material_advance"),
    path(_("inquiries/"), inquiries.inquiry_list, name="inquiries"),
    path(_("inquiries/new/"), inquiries.inquiry_new, name="inquiry_new"),
    path(_("inquiries/<int:pk>/"), inquiries.inquiry_detail, name="inquiry"),
    path(_("inquiries/<int:pk>/reply/"), inquiries.inquiry_reply, name="inquiry_reply"),
    path(_("inquiries/<int:pk>/action/"), inquiries.inquiry_action, name="inquiry_action"),
    path(_("inquiries/templates/"), inquiries.template_list, name="templates"),
    path(_("inquiries/templates/new/"), inquiries.template_edit, name="template_new"),
    path(_("inquiries/templates/<int:pk>/"), inquiries.template_edit, name="template_edit"),
    path(_("inquiries/templates/<int:pk>/active/"), inquiries.template_active, name="template_active"),
]
