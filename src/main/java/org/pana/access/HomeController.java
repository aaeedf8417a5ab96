package org.pana.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and, after sign-in, the home page listing what the user's roles can do. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "access/login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal PanaUser user, Model model) {
        Map<Role, List<RoleCapabilities.Action>> actions = new LinkedHashMap<>();
        user.roles().forEach(role -> actions.put(role, RoleCapabilities.of(role)));
        model.addAttribute("actionsByRole", actions);
        return "access/home";
    }
}
