"""The portal's pages: the public site (``public``) and the members' area with the Secretariat's editing tools (``members``)."""
