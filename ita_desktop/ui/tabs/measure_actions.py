"""What a clerk does to the measures of a year in the มาตรการ tab: make them from the analysis,
add, edit, delete, reorder, merge, split and carry them over. Each action is one ``ops.change``
with its undo step built from the services' update/delete/snapshot/restore functions."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from ita_desktop.services import measure_proposals as mp
from ita_desktop.services import measure_results as mr
from ita_desktop.services import measures
from ita_desktop.services.undo import Step, deletion_step, value_step
from ita_desktop.ui.models import measure_models as mm


class MeasureActions:
    """Mixed into the tab: needs ``ops``, ``office_id``, ``target``, ``data``, ``model``, ``changes()``,
    ``selected_measures()`` and ``select_measure()``."""

    def created_step(self, label: str, ids: list[int], year: int | None = -1) -> Step:
        """Undo of creating measures: delete them (keeping snapshots); redo: restore them."""
        state = {"snaps": []}

        def undo(ctx):
            state["snaps"] = [measures.delete_measure(ctx, i) for i in reversed(ids)]

        def redo(ctx):
            for snap in reversed(state["snaps"]):
                measures.restore_measure(ctx, snap)

        return Step(label, undo, redo, self.changes(year))

    def propose(self) -> None:
        from ita_desktop.ui.dialogs.measure_dialog import proposal_dialog

        office, target = self.office_id, self.target
        proposals = self.ops.query(lambda ctx: mp.propose_measures(ctx, office, target - 1),
                                   title="จัดทำมาตรการจากผลการวิเคราะห์ไม่ได้", parent=self)
        if proposals is None:
            return
        taken = {k for m in (self.data.measure_set.measures if self.data.measure_set else ())
                 for k in mp.proposal_key(m).split()}
        fresh = [p for p in proposals if not set(mp.proposal_key(p).split()) & taken]
        if not fresh:
            QMessageBox.information(self, "จัดทำมาตรการจากผลการวิเคราะห์",
                                    f"ไม่มีข้อคำถามหรือตัวชี้วัดของปีงบประมาณ พ.ศ. {target - 1} ที่ต่ำกว่าเกณฑ์หรือควรพัฒนา"
                                    "และยังไม่มีมาตรการ (หรือยังไม่มีคะแนนของปีนั้น)")
            return
        dialog = proposal_dialog(fresh, [mp.proposal_key(p) for p in fresh], target, target - 1, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted or not dialog.chosen():
            return
        self.create_proposed(set(dialog.chosen()))

    def create_proposed(self, keys: set[str]) -> bool:
        office, target, label = self.office_id, self.target, "จัดทำมาตรการจากผลการวิเคราะห์"
        done, _ = self.ops.change(
            lambda ctx: mp.create_measures_from_analysis(ctx, office, target, target - 1, only=keys),
            changes=self.changes(), label=label, step=lambda ids: self.created_step(label, ids), parent=self)
        return done

    def add_measure(self) -> None:
        from ita_desktop.ui.dialogs.measure_dialog import MeasureDialog

        dialog = MeasureDialog(f"เพิ่มมาตรการ ปีงบประมาณ พ.ศ. {self.target}", self.data.divisions,
                               self.create_measure, parent=self)
        self.last_dialog = dialog
        dialog.exec()

    def create_measure(self, data: measures.MeasureInput) -> bool:
        office, target, label = self.office_id, self.target, "เพิ่มมาตรการ"
        done, new_id = self.ops.change(lambda ctx: measures.create_measure(ctx, office, target, data),
                                       changes=self.changes(), label=label,
                                       step=lambda mid: self.created_step(label, [mid]), parent=self)
        if done:
            self.select_measure(new_id)
        return done

    def edit_measure(self) -> None:
        from ita_desktop.ui.dialogs.measure_dialog import MeasureDialog

        chosen = self.selected_measures()
        if len(chosen) != 1:
            return
        view = chosen[0]
        dialog = MeasureDialog("แก้ไขมาตรการ", self.data.divisions, lambda data: self.update_measure(view, data),
                               measures.measure_input(view), parent=self)
        self.last_dialog = dialog
        dialog.exec()

    def update_measure(self, view, data: measures.MeasureInput) -> bool:
        mid, label, old = view.id, "แก้ไขมาตรการ", measures.measure_input(view)

        def write(ctx, value, version):
            return measures.update_measure(ctx, mid, value, version).version

        done, _ = self.ops.change(
            lambda ctx: measures.update_measure(ctx, mid, data, view.version), changes=self.changes(), label=label,
            step=lambda new: value_step(label, write, old, measures.measure_input(new), new.version, self.changes()),
            parent=self)
        if done:
            self.select_measure(mid)
        return done

    def delete_measure(self) -> None:
        chosen = self.selected_measures()
        if not chosen:
            return
        what = f"มาตรการ {len(chosen)} รายการที่เลือก" if len(chosen) > 1 else \
            f"มาตรการ '{(mm.issue_text(chosen[0]) or chosen[0].measure)[:80]}'"
        if QMessageBox.question(self, "ลบมาตรการ", f"ลบ{what} หรือไม่? (เลิกทำได้ที่เมนู แก้ไข → เลิกทำ)",
                                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
            return
        ids, label = [m.id for m in chosen], "ลบมาตรการ"
        versions = {m.id: m.version for m in chosen}

        def delete(ctx, check=True):
            return [measures.delete_measure(ctx, i, versions[i] if check else None) for i in reversed(ids)]

        def restore(ctx, snaps):
            for snap in reversed(snaps):
                measures.restore_measure(ctx, snap)

        self.ops.change(delete, changes=self.changes(), label=label, backup="before-delete", parent=self,
                        step=lambda snaps: deletion_step(label, lambda ctx: delete(ctx, False), restore, snaps,
                                                         self.changes()))

    def reorder_step(self, label: str, old: list[int], new: list[int]) -> Step:
        office, target = self.office_id, self.target
        return Step(label, lambda ctx: measures.reorder_measures(ctx, office, target, old),
                    lambda ctx: measures.reorder_measures(ctx, office, target, new), self.changes())

    def move_measure(self, delta: int) -> None:
        chosen = self.selected_measures()
        if len(chosen) != 1:
            return
        old = [m.id for m in self.model.rows]
        at = old.index(chosen[0].id)
        if not 0 <= at + delta < len(old):
            return
        new = list(old)
        new[at], new[at + delta] = new[at + delta], new[at]
        office, target, label = self.office_id, self.target, "เลื่อนลำดับมาตรการ"
        done, _ = self.ops.change(lambda ctx: measures.reorder_measures(ctx, office, target, new),
                                  changes=self.changes(), label=label,
                                  step=lambda _: self.reorder_step(label, old, new), parent=self)
        if done:
            self.select_measure(chosen[0].id)

    def merge_measures(self) -> None:
        chosen = self.selected_measures()
        if len(chosen) < 2:
            return
        if QMessageBox.question(self, "รวมมาตรการ",
                                f"รวมมาตรการ {len(chosen)} รายการที่เลือกเป็นมาตรการเดียว (ข้อความรวมกัน "
                                "ข้อความที่ซ้ำกันเหลือครั้งเดียว) หรือไม่?",
                                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
            return
        ids, label = [m.id for m in chosen], "รวมมาตรการ"
        old_keep = measures.measure_input(chosen[0])

        def do(ctx):
            snaps = [measures.snapshot_measure(ctx, i) for i in ids[1:]]
            return measures.merge_measures(ctx, ids), snaps

        def step(result):
            keep, snaps = result

            def undo(ctx):
                for snap in sorted(snaps, key=lambda s: s["position"]):
                    measures.restore_measure(ctx, snap)
                measures.update_measure(ctx, keep, old_keep)

            return Step(label, undo, lambda ctx: measures.merge_measures(ctx, ids), self.changes())

        done, result = self.ops.change(do, changes=self.changes(), label=label, step=step, parent=self)
        if done:
            self.select_measure(result[0])

    def split_measure(self) -> None:
        chosen = self.selected_measures()
        if len(chosen) != 1:
            return
        view, label = chosen[0], "แยกมาตรการ"
        old = measures.measure_input(view)

        def step(ids):
            state = {"ids": ids}

            def undo(ctx):
                for i in state["ids"][1:]:
                    measures.delete_measure(ctx, i)
                measures.update_measure(ctx, view.id, old)

            def redo(ctx):
                state["ids"] = measures.split_measure(ctx, view.id)

            return Step(label, undo, redo, self.changes())

        self.ops.change(lambda ctx: measures.split_measure(ctx, view.id, view.version), changes=self.changes(),
                        label=label, step=step, parent=self)

    def carry_over(self) -> None:
        from ita_desktop.ui.dialogs.measure_dialog import CarryOverDialog

        office, target = self.office_id, self.target
        unfinished = self.ops.query(lambda ctx: mr.unfinished_measures(ctx, office, target),
                                    title="ยกมาตรการไปปีถัดไปไม่ได้", parent=self)
        if unfinished is None:
            return
        if not unfinished:
            QMessageBox.information(self, "ยกมาตรการไปปีถัดไป",
                                    f"ไม่มีมาตรการของปีงบประมาณ พ.ศ. {target} ที่ยังไม่แล้วเสร็จ")
            return
        dialog = CarryOverDialog(unfinished, target, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.Accepted or not dialog.chosen():
            return
        self.carry(dialog.chosen(), dialog.move_radio.isChecked())

    def carry(self, ids: list[int], move: bool) -> bool:
        label = "ย้ายมาตรการไปปีถัดไป" if move else "คัดลอกมาตรการไปปีถัดไป"

        def step(new_ids):
            state = {"ids": new_ids}

            def undo(ctx):
                mr.undo_carry_over(ctx, state["ids"])

            def redo(ctx):
                state["ids"] = mr.carry_over(ctx, ids, move)

            return Step(label, undo, redo, self.changes(None))

        done, _ = self.ops.change(lambda ctx: mr.carry_over(ctx, ids, move), changes=self.changes(None),
                                  label=label, step=step, parent=self)
        if done:
            QMessageBox.information(self, label, f"{label}แล้ว {len(ids)} รายการ "
                                                 f"(ดูได้ที่ 'มาตรการของ' ปีงบประมาณ พ.ศ. {self.target + 1})")
        return done
