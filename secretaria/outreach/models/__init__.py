from secretaria.outreach.models.engagements import Engagement, EngagementDocument, FollowUp, Material, MissionCost
from secretaria.outreach.models.inquiries import (
    AnswerTemplate,
    AnswerTemplateVersion,
    Inquiry,
    InquiryAttachment,
    InquiryLanguage,
    InquiryMessage,
    InquiryNote,
    InquiryStatusChange,
)

__all__ = [
    "AnswerTemplate",
    "AnswerTemplateVersion",
    "Engagement",
    "EngagementDocument",
    "FollowUp",
    "Inquiry",
    "InquiryAttachment",
    "InquiryLanguage",
    "InquiryMessage",
    "InquiryNote",
    "InquiryStatusChange",
    "Material",
    "MissionCost",
]
