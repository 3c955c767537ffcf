package io.duecall.pbxsim.ami;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Answers ShowDialPlan as Asterisk 22's pbx.c does: a Success response with {@code EventList: start}, one
 * ListDialplan event per priority, then ShowDialPlanComplete with the counts; a Context that does not exist gets
 * an Error naming it.
 */
final class ShowDialPlan {
    private ShowDialPlan() {}

    static List<AmiMessage> answer(List<DialplanPriority> dialplan, AmiMessage action, String actionId) {
        var context = action.get("Context").map(String::trim).filter(c -> !c.isEmpty());
        var extension = action.get("Extension").map(String::trim).filter(e -> !e.isEmpty());
        var shown = dialplan.stream()
                .filter(p -> context.isEmpty() || p.context().equalsIgnoreCase(context.get()))
                .filter(p -> extension.isEmpty() || p.extension().equals(extension.get()))
                .toList();
        if (shown.isEmpty() && context.isPresent()) {
            return List.of(AmiMessage.builder().add("Response", "Error").actionId(actionId)
                    .add("Message", "Did not find context " + context.get()).build());
        }
        if (shown.isEmpty()) {
            return List.of(AmiMessage.builder().add("Response", "Error").actionId(actionId)
                    .add("Message", extension.isPresent() ? "Did not find extension " + extension.get() : "No dialplan")
                    .build());
        }
        var out = new java.util.ArrayList<AmiMessage>();
        out.add(AmiMessage.builder().add("Response", "Success").actionId(actionId).add("EventList", "start")
                .add("Message", "DialPlan list will follow").build());
        var contexts = new LinkedHashSet<String>();
        var extensions = new LinkedHashSet<String>();
        for (var p : shown) {
            contexts.add(p.context());
            extensions.add(p.context() + "," + p.extension());
            out.add(AmiMessage.builder().add("Event", "ListDialplan").actionId(actionId)
                    .add("Context", p.context()).add("Extension", p.extension()).add("Priority", p.priority())
                    .add("Application", p.application()).add("AppData", p.appData())
                    .add("Registrar", "pbx_config").build());
        }
        out.add(AmiMessage.builder().add("Event", "ShowDialPlanComplete").actionId(actionId)
                .add("EventList", "Complete").add("ListItems", shown.size())
                .add("ListExtensions", extensions.size()).add("ListPriorities", shown.size())
                .add("ListContexts", contexts.size()).build());
        return out;
    }

}
