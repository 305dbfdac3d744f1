"""Framework helpers shared by every app, below all of them in the layers: no imports from apps.

- ``idempotency``: one way to make a create happen exactly once (model field, helper, form mixin).
"""
