package io.lumasync.ui.optimize;

import io.lumasync.ui.shell.MainView;
import io.lumasync.ui.shell.Page;

/** Lets the screenshot tour load a page of media and preview one image, as a user would with two clicks. */
public final class OptimizeTourAccess {
    private OptimizeTourAccess() {
    }

    public static void loadAndPreview(MainView view) {
        OptimizeViewModel vm = ((OptimizePane) view.pane(Page.OPTIMIZE)).viewModel();
        vm.quality.set(60);
        vm.rows().addListener((javafx.collections.ListChangeListener<OptimizeViewModel.Row>) c -> {
            if (!vm.rows().isEmpty() && vm.preview.get() == null) {
                vm.rows().getFirst().selected.set(true);
                vm.rows().get(1).selected.set(true);
                vm.preview(vm.rows().getFirst());
            }
        });
        vm.load(1);
    }
}
