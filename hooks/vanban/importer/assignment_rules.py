"""The assignment rules, each with its name, why it exists and example sentences.

Why a catalogue: the rules live as patterns in ``mentions``, ``unit_names``, ``role_labels`` and
``task_scope``; read there they are hard to review. Here each rule says in a sentence what it
does, and its examples are what it must give: ``tests/test_import.py`` turns every example into
a test, so the documentation cannot drift from the behaviour. An example is a body (as the
importer passes it to ``find_assignments``), the document's type when the rule depends on it,
and the exact (unit, role) pairs expected.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Example:
    """A body and the (unit, role) pairs it must give, exactly."""

    body: str
    expected: frozenset[tuple[str, str]]
    doc_type: str | None = None


@dataclass(frozen=True, slots=True)
class AssignmentRule:
    """One rule: a name (used as the test id), what it does and why, and its examples."""

    name: str
    why: str
    examples: tuple[Example, ...]


def _example(body: str, *pairs: tuple[str, str], doc_type: str | None = None) -> Example:
    return Example(body, frozenset(pairs), doc_type)


RULES: tuple[AssignmentRule, ...] = (
    AssignmentRule(
        "lead_and_partners",
        "In 'X chủ trì, phối hợp với Y, Z …' X leads and Y and Z each cooperate (their unit pages must "
        "show what they coordinate on), also when 'chủ trì, phối hợp với' opens a later clause of X's "
        "task; partners' names end where their words end; partners that name no body are not entries.",
        (_example("1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Công an tỉnh rà soát biên chế.\n",
                  ("Sở Nội vụ", "chu_tri"), ("Sở Tài chính", "phoi_hop"), ("Công an tỉnh", "phoi_hop")),
         _example("2. Sở Y tế chủ trì, phối hợp với các cơ quan, đơn vị liên quan kiểm tra an toàn thực phẩm.\n",
                  ("Sở Y tế", "chu_tri")),
         _example("1. Ban Thường trực Ủy ban MTTQ phường xây dựng kế hoạch; tổ chức chủ trì, phối hợp với các tổ "
                  "chức chính trị - xã hội phường kiểm tra công tác bầu cử.\n",
                  ("Ban Thường trực Ủy ban MTTQ phường", "chu_tri"),
                  ("Các tổ chức chính trị - xã hội phường", "phoi_hop")))),
    AssignmentRule(
        "distributive_list",
        "'các Sở: Y tế, Tài chính, Giáo dục và Đào tạo' names three Sở; 'và' inside a sector's name and "
        "the commas of 'Văn hóa, Thể thao và Du lịch' stay inside it.",
        (_example("1. Giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các Sở: Y tế, Tài chính, Giáo dục và "
                  "Đào tạo xây dựng kế hoạch.\n",
                  ("Sở Kế hoạch và Đầu tư", "chu_tri"), ("Sở Y tế", "phoi_hop"), ("Sở Tài chính", "phoi_hop"),
                  ("Sở Giáo dục và Đào tạo", "phoi_hop")),
         _example("a) Các Bộ: Công Thương, Văn hóa, Thể thao và Du lịch, Y tế nghiên cứu đề xuất của Bộ Tư "
                  "pháp.\n",
                  ("Bộ Công Thương", "thuc_hien"), ("Bộ Văn hóa, Thể thao và Du lịch", "thuc_hien"),
                  ("Bộ Y tế", "thuc_hien")))),
    AssignmentRule(
        "role_label_lines",
        "Plans and annexes give roles by label lines under a task: 'Đơn vị chủ trì: …; Đơn vị phối hợp: …', "
        "'Cơ quan thực hiện: …'; the label decides the role, not a verb.",
        (_example("1. Rà soát danh sách đối tượng.\n- Đơn vị chủ trì: Sở Y tế; Đơn vị phối hợp: Sở Tài chính, "
                  "UBND các huyện.\n- Thời gian: quý I/2025.\n\n2. Tập huấn cán bộ.\nCơ quan thực hiện: Sở Nội vụ\n",
                  ("Sở Y tế", "chu_tri"), ("Sở Tài chính", "phoi_hop"), ("UBND các huyện", "phoi_hop"),
                  ("Sở Nội vụ", "thuc_hien")),)),
    AssignmentRule(
        "task_table_columns",
        "A task table with 'Chủ trì' / 'Phối hợp' (or 'Cơ quan thực hiện') and 'Thời gian' columns: "
        "every unit of a cell is an entry with the column's role.",
        (_example("| TT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
                  "| 1 | Rà soát hồ sơ | Sở Nội vụ | Sở Tài chính; Sở Y tế | Quý II/2025 |\n",
                  ("Sở Nội vụ", "chu_tri"), ("Sở Tài chính", "phoi_hop"), ("Sở Y tế", "phoi_hop")),)),
    AssignmentRule(
        "order_word_after_its_subject",
        "'UBND tỉnh đề nghị …', 'Thủ tướng Chính phủ giao …': the one who gives the order is not given it.",
        (_example("1. UBND tỉnh đề nghị các sở, ban, ngành, UBND các huyện, thành phố, thị xã tăng cường kiểm tra.\n"
                  "\n2. Thủ tướng Chính phủ giao Bộ Tài chính nghiên cứu, đề xuất sửa đổi Nghị định.\n",
                  ("Các sở, ban, ngành", "thuc_hien"), ("UBND các huyện, thành phố, thị xã", "thuc_hien"),
                  ("Bộ Tài chính", "thuc_hien")),)),
    AssignmentRule(
        "unit_name_by_its_words",
        "A unit's name ends where its words end (head, capitalised name words, qualifiers such as 'các "
        "tỉnh, thành phố'), not at a listed verb: unlisted verbs ('trực tiếp chỉ đạo') do not glue onto it "
        "and names holding verb words ('tổ chức chính trị - xã hội') stay whole.",
        (_example("3. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực tiếp chỉ đạo việc thực hiện.\n",
                  ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố", "thuc_hien")),
         _example("5. Các tổ chức chính trị - xã hội tỉnh tuyên truyền sâu rộng đến đoàn viên, hội viên.\n",
                  ("Các tổ chức chính trị - xã hội tỉnh", "thuc_hien")),
         _example("4. Đề nghị Kho bạc Nhà nước Văn Giang kiểm soát, thanh toán kịp thời.\n",
                  ("Kho bạc Nhà nước Văn Giang", "thuc_hien")))),
    AssignmentRule(
        "adverbial_is_not_the_unit",
        "'Giao Bộ X theo chức năng, nhiệm vụ được giao, …': the adverbial between unit and verb is not "
        "part of the unit.",
        (_example("4. Giao Bộ Công an theo chức năng, nhiệm vụ được giao, chỉ đạo lực lượng chức năng xử lý.\n",
                  ("Bộ Công an", "thuc_hien")),)),
    AssignmentRule(
        "nested_delegation",
        "'Đề nghị A chỉ đạo B chủ trì …': B leads, A carries the order on (thuc_hien).",
        (_example("3. Đề nghị UBND các huyện chỉ đạo Phòng Giáo dục và Đào tạo chủ trì rà soát đội ngũ.\n",
                  ("UBND các huyện", "thuc_hien"), ("Phòng Giáo dục và Đào tạo", "chu_tri")),)),
    AssignmentRule(
        "closing_formulas",
        "'… thông báo / phúc đáp / trả lời để X biết, thực hiện' closes a letter; it gives nobody a task.",
        (_example("Văn phòng UBND tỉnh thông báo để Sở Y tế biết, thực hiện./.\n"),
         _example("Sở Tài chính phúc đáp để UBND huyện Nam Đàn biết, thực hiện./.\n"),
         _example("Đề nghị Sở Y tế trả lời để UBND huyện biết.\n"))),
    AssignmentRule(
        "generic_group_when_only_task",
        "A generic group ('Thủ trưởng các cơ quan, đơn vị …') is boilerplate beside concrete units, but "
        "kept when it carries the document's only concrete task.",
        (_example("1. Thủ trưởng các cơ quan, đơn vị trực thuộc Sở rà soát hồ sơ, báo cáo trước ngày 30/6/2025.\n",
                  ("Thủ trưởng các cơ quan, đơn vị trực thuộc Sở", "thuc_hien")),
         _example("1. Sở Y tế chủ trì kiểm tra.\n\n2. Thủ trưởng các cơ quan, đơn vị trực thuộc Sở rà soát hồ sơ.\n",
                  ("Sở Y tế", "chu_tri")))),
    AssignmentRule(
        "narrative_is_not_an_assignment",
        "A sentence telling what happened ('Báo X ngày … đưa tin …', 'Đồng chí … chủ trì Hội nghị', "
        "'Sở X đã …') gives no task.",
        (_example("Báo Nghệ An ngày 12/3/2024 đưa tin về tình trạng khai thác cát trái phép.\n\n"
                  "Sở Nội vụ đã phối hợp với các sở rà soát vị trí việc làm.\n\n"
                  "Thành ủy Hà Nội phê duyệt và cấp số Huy hiệu Đảng trên phần mềm.\n"),)),
    AssignmentRule(
        "sentence_per_unit",
        "A later sentence of a paragraph that names its own unit and task is an assignment of its own.",
        (_example("2. Bộ Nông nghiệp và Phát triển nông thôn xử lý theo quy định. Ủy ban nhân dân tỉnh Lào Cai "
                  "chịu trách nhiệm tiếp nhận, phân bổ số hạt giống.\n\n"
                  "Trên cơ sở đó, Bộ Tư pháp tổng hợp, hoàn thiện hồ sơ, trình Chính phủ.\n",
                  ("Bộ Nông nghiệp và Phát triển nông thôn", "thuc_hien"),
                  ("Ủy ban nhân dân tỉnh Lào Cai", "thuc_hien"), ("Bộ Tư pháp", "thuc_hien")),)),
    AssignmentRule(
        "unit_headings",
        "'1. Sở X:', 'Điều 2. Giao X:' or a numbered line that is only a unit's name heads the tasks "
        "below it (bullets, a)/b) items, or the article's numbered items); the first task's verb gives "
        "the role.",
        (_example("Điều 2. Giao Bộ trưởng Bộ Tài chính:\n\n1. Hướng dẫn triển khai.\n\n2. Ban hành định mức.\n\n"
                  "Điều 3. Quyết định này có hiệu lực từ ngày ký.\n", ("Bộ trưởng Bộ Tài chính", "thuc_hien")),
         _example("5.1. Trung tâm Quản lý chất lượng\n\n- Là đơn vị đầu mối tham mưu ban hành kế hoạch.\n\n"
                  "5.2. Phòng Đào tạo và Phòng Công tác sinh viên\n\n- Phối hợp cung cấp thông tin sinh viên.\n",
                  ("Trung tâm Quản lý chất lượng", "thuc_hien"), ("Phòng Đào tạo", "phoi_hop"),
                  ("Phòng Công tác sinh viên", "phoi_hop")))),
    AssignmentRule(
        "normative_texts_execution_articles",
        "In a Luật, Nghị định, Thông tư or Quy định only the articles and chapters on carrying the text "
        "out ('Tổ chức thực hiện', 'Trách nhiệm thi hành', 'Điều khoản thi hành') give tasks; the others, "
        "'Trách nhiệm của chủ đầu tư' among them, state rules, and annexed forms model other documents.",
        (_example("Điều 5. Trách nhiệm của chủ đầu tư\n\n1. Chủ đầu tư tổ chức lập hồ sơ dự án.\n\n"
                  "Điều 9. Tổ chức thực hiện\n\n1. Bộ Khoa học và Công nghệ hướng dẫn thực hiện Nghị định này.\n\n"
                  "PHỤ LỤC\n\nMẫu số 01\n\nĐiều 2. Tổ chức thực hiện.\n\nSở Y tế tổ chức triển khai.\n",
                  ("Bộ Khoa học và Công nghệ", "thuc_hien"), doc_type="Nghị định"),
         _example("Điều 4. Hiệu lực thi hành\n\n1. Nghị quyết này có hiệu lực từ ngày 01/01/2026.\n\n"
                  "Điều 5. Hội đồng nhân dân tỉnh giao\n\n1. Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện "
                  "Nghị quyết.\n", ("Ủy ban nhân dân tỉnh", "thuc_hien"), doc_type="Nghị quyết"))),
    AssignmentRule(
        "guidance_execution_section",
        "A Hướng dẫn mostly describes a procedure ('Chi bộ xét …, Đảng ủy cơ sở báo cáo …'); when it has a "
        "section 'Tổ chức thực hiện', only that section and its task tables give tasks.",
        (_example("II. QUY TRÌNH\n\n- Đảng ủy cơ sở xét và báo cáo danh sách đảng viên.\n\n"
                  "| TT | Nội dung | Cơ quan thực hiện |\n|---|---|---|\n| 1 | Rà soát hồ sơ | Sở Nội vụ |\n\n"
                  "V. TỔ CHỨC THỰC HIỆN\n\n1. Ban Tổ chức Thành ủy tổng hợp, tham mưu thành lập các đoàn.\n",
                  ("Sở Nội vụ", "thuc_hien"), ("Ban Tổ chức Thành ủy", "thuc_hien"), doc_type="Hướng dẫn"),)),
    AssignmentRule(
        "role_from_the_main_verb",
        "The role comes from the verb that opens the unit's task, after circumstances such as 'Căn cứ "
        "kế hoạch này,' or 'khi có thông báo,'.",
        (_example("- Ban công tác Mặt trận các tổ dân phố căn cứ kế hoạch này, khi có thông báo, phối hợp "
                  "thực hiện kiểm tra.\n", ("Ban công tác Mặt trận các tổ dân phố", "phoi_hop")),
         _example("2. Đoàn Thanh niên phường: Căn cứ kế hoạch này, phối hợp tuyên truyền.\n",
                  ("Đoàn Thanh niên phường", "phoi_hop")))),
)
