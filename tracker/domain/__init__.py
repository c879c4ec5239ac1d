"""Typed ORM models and the rules of the negotiation picture. No Qt here."""
