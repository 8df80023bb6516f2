package io.lumasync.ui.approvals;

import io.lumasync.store.Approval;
import io.lumasync.sync.RunReport;
import io.lumasync.sync.SyncListener;
import io.lumasync.ui.common.Messages;
import io.lumasync.ui.common.Tasks;
import io.lumasync.ui.common.Texts;
import io.lumasync.ui.common.engine.AppServices;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/** The approval queue: waiting items (or every decision), approve and reject. */
public final class ApprovalsViewModel {
    private final AppServices services;
    private final Tasks tasks;
    final ObservableList<Approval> items = FXCollections.observableArrayList();
    final BooleanProperty showDecided = new SimpleBooleanProperty();
    final StringProperty reason = new SimpleStringProperty("");
    final StringProperty message = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty();

    public ApprovalsViewModel(AppServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
        showDecided.addListener((o, a, b) -> refresh());
    }

    public void refresh() {
        boolean all = showDecided.get();
        tasks.run("approvals", () -> services.approvals(all ? Optional.empty() : Optional.of(Approval.WAITING)), list -> {
            items.setAll(list);
            long waiting = list.stream().filter(a -> a.state().equals(Approval.WAITING)).count();
            message.set(Messages.get("approvals.count", waiting));
        }, e -> message.set(Texts.error(e)));
    }

    /** Approves the items and publishes them now, in the background. */
    public void approve(List<Approval> chosen) {
        List<Long> ids = waitingIds(chosen);
        if (ids.isEmpty()) {
            message.set(Messages.get("approvals.chooseFirst"));
            return;
        }
        busy.set(true);
        message.set(Messages.get("approvals.publishing", ids.size()));
        tasks.run("approve", () -> services.approve(ids, SyncListener.NONE), (RunReport r) -> {
            busy.set(false);
            message.set(Messages.get("approvals.approved", ids.size(), Texts.summary(r)));
            refresh();
        }, e -> {
            busy.set(false);
            message.set(Texts.error(e));
            refresh();
        });
    }

    public void reject(List<Approval> chosen) {
        List<Long> ids = waitingIds(chosen);
        if (ids.isEmpty()) {
            message.set(Messages.get("approvals.chooseFirst"));
            return;
        }
        String why = reason.get() == null ? "" : reason.get();
        tasks.runVoid("reject", () -> services.reject(ids, why), () -> {
            message.set(Messages.get("approvals.rejected", ids.size()));
            reason.set("");
            refresh();
        }, e -> message.set(Texts.error(e)));
    }

    private static List<Long> waitingIds(List<Approval> chosen) {
        return chosen.stream().filter(a -> a.state().equals(Approval.WAITING)).map(Approval::id).toList();
    }
}
