"""The teacher's forms: logging in and starting a class session."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectMultipleField,
    StringField,
    widgets,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from .catalog import Entry
from .inputs import SizedNumber

try:  # WTForms 3.3 deprecates (value, label) tuples
    from wtforms import SelectChoice as choice
except ImportError:  # older WTForms: tuples it is
    def choice(value: str, label: Any) -> tuple[str, Any]:  # type: ignore[no-redef]
        return (value, label)


class LoginForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=80)],
                       render_kw={"autocomplete": "username"})
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)],
                             render_kw={"autocomplete": "current-password"})


class MultiCheckbox(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def _within(low: int, high: int) -> list[Any]:
    within = NumberRange(min=low, max=high)
    return [SizedNumber(within), within]


class NewSessionForm(FlaskForm):
    tags = MultiCheckbox(_l("Only questions with these tags (none: all)"), choices=[], validate_choice=True)
    count = IntegerField(_l("Number of questions, drawn at random (empty: all)"),
                         validators=[Optional(), *_within(1, 1000)])
    feedback = RadioField(_l("Feedback"), default="immediate", choices=[
        choice("immediate", _l("after each answer")),
        choice("deferred", _l("only when I close the session")),
    ])
    time_limit = IntegerField(_l("Time limit per student, in minutes (empty: none)"),
                              validators=[Optional(), *_within(1, 600)])
    open_now = BooleanField(_l("Open now (otherwise students wait until you open it)"), default=True)


def new_session_form(entry: Entry, **kwargs: Any) -> NewSessionForm:
    """The form for a session on this bank: its tags to choose from."""
    form = NewSessionForm(**kwargs)
    form.tags.choices = [choice(t, t) for t in entry.tags]
    return form


def refused_session_form(entry: Entry, formdata: Any) -> NewSessionForm:
    """A refused form shown again (Post/Redirect/Get): what was chosen, the fields' own messages."""
    form = new_session_form(entry, formdata=formdata)
    form.validate()
    token = getattr(form, "csrf_token", None)
    if token is not None:  # a kept form has no token: the page gets a fresh one
        token.errors = []
    return form
