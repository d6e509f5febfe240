"""The teacher area's forms for drafting: the article, and the bank's details."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import URL, DataRequired, Length, Optional, Regexp

from .bankfiles import BANK_ID, MAX_ID

#: Pasted or uploaded article text, in UTF-8 bytes.
MAX_ARTICLE_BYTES = 200 * 1024


class ArticleForm(FlaskForm):
    article = TextAreaField(_l("The article (plain text, pasted)"), render_kw={"rows": 14})
    upload = FileField(_l("…or a .txt file"), render_kw={"accept": ".txt,text/plain"})
    title = StringField(_l("Title (empty: the article’s first line)"),
                        validators=[Optional(), Length(max=300)])
    outlet = StringField(_l("Outlet"), validators=[Optional(), Length(max=200)])
    published = DateField(_l("Published on (empty: the date in the article, or today)"),
                          validators=[Optional()])
    url = StringField(_l("Address of the article (optional)"),
                      validators=[Optional(), Length(max=500), URL(require_tld=False)])


class DetailsForm(FlaskForm):
    bank_id = StringField(_l("Bank id (letters, digits and hyphens; the file’s name)"), validators=[
        DataRequired(), Length(max=MAX_ID),
        Regexp(f"^{BANK_ID.pattern}$", message=_l("Lower-case letters, digits and hyphens only."))])
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    outlet = StringField(_l("Outlet"), validators=[DataRequired(), Length(max=200)])
    published = DateField(_l("Published on"), validators=[DataRequired()])
    url = StringField(_l("Address of the article (optional)"),
                      validators=[Optional(), Length(max=500), URL(require_tld=False)])
    summary = TextAreaField(_l("Summary, in your own words (at most 80 words)"),
                            validators=[DataRequired(), Length(max=2000)], render_kw={"rows": 4})
