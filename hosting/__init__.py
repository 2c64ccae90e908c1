"""Hosting the built site anywhere: council settings, the Content-Security-Policy, server header files and
the offline zip. Plain Python: nothing here imports MkDocs (hooks/site_hosting.py is the thin MkDocs side).
"""
