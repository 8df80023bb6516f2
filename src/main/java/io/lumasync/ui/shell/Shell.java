package io.lumasync.ui.shell;

import io.lumasync.ui.activity.ActivityPane;
import io.lumasync.ui.autosync.AutosyncPane;
import io.lumasync.ui.browse.BrowsePane;
import io.lumasync.ui.common.AppContext;
import io.lumasync.ui.common.PaneView;
import io.lumasync.ui.destinations.DestinationsPane;
import io.lumasync.ui.guide.FirstRunGuide;
import io.lumasync.ui.optimize.OptimizePane;
import io.lumasync.ui.settings.SettingsPane;
import io.lumasync.ui.sources.SourcesPane;
import io.lumasync.ui.upload.UploadPane;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** Puts the panes into the main view. The only class that knows every pane. */
public final class Shell {
    private Shell() {
    }

    public static MainView build(AppContext ctx) {
        Map<Page, Function<AppContext, PaneView>> f = new EnumMap<>(Page.class);
        f.put(Page.BROWSE, BrowsePane::new);
        f.put(Page.UPLOAD, UploadPane::new);
        f.put(Page.OPTIMIZE, OptimizePane::new);
        f.put(Page.DESTINATIONS, DestinationsPane::new);
        f.put(Page.SOURCES, SourcesPane::new);
        f.put(Page.AUTOSYNC, AutosyncPane::new);
        f.put(Page.ACTIVITY, ActivityPane::new);
        f.put(Page.SETTINGS, SettingsPane::new);
        f.put(Page.GROUPS, io.lumasync.ui.groups.GroupsPane::new);
        f.put(Page.APPROVALS, io.lumasync.ui.approvals.ApprovalsPane::new);
        f.put(Page.HOOKS, io.lumasync.ui.hooks.HooksPane::new);
        f.put(Page.SUGGESTIONS, io.lumasync.ui.suggestions.SuggestionsPane::new);
        f.put(Page.GENERATE, io.lumasync.ui.generate.GeneratePane::new);
        MainView[] self = new MainView[1];
        self[0] = new MainView(ctx, f, files -> ((UploadPane) self[0].pane(Page.UPLOAD)).addFiles(files));
        FirstRunGuide guide = new FirstRunGuide(ctx);
        self[0].setBanner(guide.view());
        self[0].currentProperty().addListener((o, a, b) -> guide.refresh());
        return self[0];
    }
}
