"""Who is at the keyboard: sign-in through Streamlit's ``st.login`` (OpenID Connect), roles from the store.

The identity provider only says who someone is; what they may do comes from the store's staff
list (``python -m kla staff add``), read again on every run, so removing someone takes effect
at their next click. Streamlit keeps the sign-in in a signed cookie for 30 days and never checks
the token's expiry: :func:`staff_or_stop` refuses a sign-in older than
:func:`max_session_age` (``KLA_MAX_SESSION_HOURS``, default 12) and asks for a fresh one.

Every staff page starts with :func:`staff_or_stop`: a visitor who is not signed in sees only a
sign-in prompt, a signed-in email that is not staff only "no access", and nothing below it runs.
Every action calls :func:`allowed` again with the role read at that moment.

A public replica (``KLA_ROLE=public``, :func:`kla.config.staff_pages_enabled` false) has no staff:
nobody is signed in there and a staff page, should one ever run, only says where staff sign in.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import streamlit as st

from kla import config
from kla.i18n import Lang, t
from kla.store import StaffMember, can
from kla.text import escape_markdown
from kla.ui.data import store

DEFAULT_SESSION_HOURS = 12.0
_SIGNED_IN_KEY = "kla_sign_in_recorded"


@dataclass(frozen=True)
class Staff:
    """A signed-in staff member as this run sees them."""

    email: str
    role: str
    kelurahan: tuple[str, ...]  # empty: every kelurahan

    def can(self, action: str) -> bool:
        return can(self.role, action)


def max_session_age() -> dt.timedelta:
    hours = float(os.environ.get("KLA_MAX_SESSION_HOURS") or DEFAULT_SESSION_HOURS)
    return dt.timedelta(hours=hours)


def sign_in_configured() -> bool:
    """True when ``.streamlit/secrets.toml`` has an ``[auth]`` section (without it, st.login fails)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def signed_in_email() -> str | None:
    if not st.user.get("is_logged_in"):
        return None
    email = st.user.get("email")
    return str(email).strip().lower() if email else None


def session_age(now: dt.datetime | None = None) -> dt.timedelta | None:
    """How long ago the provider issued the sign-in (the ID token's ``iat``); None if it does not say."""
    issued = st.user.get("iat")
    if not isinstance(issued, int | float | str):  # seconds since 1970 (Streamlit types the values as text)
        return None
    now = now or dt.datetime.now(dt.UTC)
    return now - dt.datetime.fromtimestamp(float(issued), dt.UTC)


def current_staff() -> Staff | None:
    """The signed-in staff member, or None (not signed in, not staff, the sign-in is too old, or a public replica)."""
    if not config.staff_pages_enabled():
        return None
    email = signed_in_email()
    if email is None:
        return None
    age = session_age()
    if age is not None and age > max_session_age():
        return None
    member: StaffMember | None = store().staff_member(email)
    if member is None:
        return None
    return Staff(member.email, member.role, tuple(member.kelurahan))


def staff_or_stop(lang: Lang, action: str = "upload") -> Staff:
    """The staff member allowed to do ``action`` on this page; otherwise explain and stop the page."""
    if not config.staff_pages_enabled():
        st.info(t("kelola.publik_saja", lang), icon=":material/block:")
        st.stop()
    if not sign_in_configured():
        st.info(t("kelola.masuk.belum_diatur", lang), icon=":material/key_off:")
        st.stop()
    email = signed_in_email()
    if email is None:
        _sign_in_prompt(lang, "kelola.masuk.ajakan")
    age = session_age()
    if age is not None and age > max_session_age():
        _sign_in_prompt(lang, "kelola.masuk.kedaluwarsa", jam=f"{max_session_age().total_seconds() / 3600:g}")
    staff = current_staff()
    if staff is None:
        st.error(t("kelola.masuk.tanpa_akses", lang, email=escape_markdown(email)), icon=":material/block:")
        sign_out_button(lang)
        st.stop()
    _record_sign_in(staff)
    if not staff.can(action):
        st.error(t("kelola.peran.tidak_boleh", lang, peran=staff.role), icon=":material/block:")
        st.stop()
    return staff


def allowed(action: str) -> Staff | None:
    """Check again at the moment of an action (the role may have changed since the page drew)."""
    staff = current_staff()
    return staff if staff is not None and staff.can(action) else None


def acting_staff(action: str) -> Staff:
    """The staff member doing ``action`` now; if their role no longer allows it, rerun the page,
    whose guard then explains (the role may have changed since the page drew)."""
    staff = allowed(action)
    if staff is None:
        st.rerun()
    return staff


def _sign_in_prompt(lang: Lang, key: str, **kwargs: str) -> None:
    st.title(t("kelola.masuk.judul", lang))
    st.write(t(key, lang, **kwargs))
    if st.button(t("kelola.masuk.tombol", lang), type="primary", icon=":material/login:"):
        st.login()
    st.stop()


def sign_out_button(lang: Lang, where: object = st) -> None:
    if where.button(t("kelola.keluar", lang), icon=":material/logout:", key="kla_sign_out"):  # type: ignore[attr-defined]
        email = signed_in_email()
        if email:
            store().record(email, "sign_out")
        st.session_state.pop(_SIGNED_IN_KEY, None)
        st.logout()


def _record_sign_in(staff: Staff) -> None:
    """One audit row per sign-in (the token's issue time), not one per page or rerun."""
    issued = st.user.get("iat")
    marker = f"{staff.email}@{issued}"
    if st.session_state.get(_SIGNED_IN_KEY) == marker:
        return
    st.session_state[_SIGNED_IN_KEY] = marker
    if not any(e.detail.get("iat") == issued for e in store().audit_log(actor=staff.email, action="sign_in", limit=20)):
        store().record(staff.email, "sign_in", detail={"iat": issued, "peran": staff.role})
