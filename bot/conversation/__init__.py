"""What the assistant says when it signposts: pure functions from situation + directory to a reply.

The actions in actions/ are thin wrappers: they read the tracker, call these, and dispatch.
"""
