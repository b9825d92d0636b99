"""export-git: a law's revisions as a git history."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lawdiff.cli.common import CorpusOpt, LangOpt, corpus_of, handles_errors


@handles_errors
def export_git_cmd(
    args: Annotated[list[str], typer.Argument(help="LAW DIR, or DIR with --all.")],
    all_laws: Annotated[
        bool, typer.Option("--all", help="Every law with text, in one repository.")
    ] = False,
    corpus: CorpusOpt = None,
    lang: LangOpt = None,
) -> None:
    """Build a git repository: one commit per revision whose text is in the corpus, dated when it
    took effect (revisions known only by their dates and decisions give no commit).

    Example: lawdiff export-git 土地管理法实施办法 land-history
    """
    from lawdiff.errors import InputError
    from lawdiff.export.gitexport import export_git
    from lawdiff.i18n import _, ngettext

    if all_laws and len(args) != 1:
        raise InputError(_("with --all give only the directory: lawdiff export-git --all DIR"))
    if not all_laws and len(args) != 2:
        raise InputError(_("give the law and the directory: lawdiff export-git LAW DIR"))
    dest = Path(args[-1])
    from lawdiff.cli.progress import progress_bar

    with progress_bar(_("committing")) as step:
        result = export_git(corpus_of(corpus), dest, None if all_laws else [args[0]], step)
    for cm in result.commits:
        typer.echo(f"{cm.commit[:10]} {cm.effective} {cm.law_id} {cm.revision_id}", err=True)
    for sk in result.skipped:
        typer.echo(_("skipped {law}: {reason}").format(law=sk.law_id, reason=sk.reason), err=True)
    n = len(result.commits)
    wrote = ngettext("wrote {path} ({n} commit)", "wrote {path} ({n} commits)", n)
    typer.echo(wrote.format(path=result.path, n=n), err=True)
