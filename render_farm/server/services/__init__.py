"""Farm services: each public function is one unit of work with its rules, run in one transaction.

Write services start with :func:`begin_write` and commit before returning; routes and worker
tasks call them and never touch the session's transaction themselves.
"""
