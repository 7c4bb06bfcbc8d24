"""Safe file handling for every app that takes uploads: content-based type detection and name
sanitising (``filetypes``), the private storage (``storage``) and serving files with safe
headers and Range support (``serving``). It depends on no app but core."""
